/**
 * A small built-in synonym table for `synonym_replacement` augmentation: common, domain-neutral words,
 * including the words the question and instruction templates use ("say", "explain", "significant",
 * "guidance"). Each synonym keeps the word's part of speech and inflection, so it can stand in place of the
 * word in a question; words that change meaning with their part of speech ("use", "start", "long", "many")
 * are left out on purpose. Subject-matter terms are not listed, so a replacement never changes what a
 * question is about.
 */
const TABLE = `
say:state|mention|report; says:states|mentions|reports; stated:mentioned|reported|given; explain:clarify|account for|describe;
explains:clarifies|accounts for|describes; describe:outline|portray|characterize; describes:outlines|portrays|characterizes;
significant:important|notable|meaningful; important:significant|essential|key; role:function|part|purpose; play:have|fill;
guidance:advice|direction|recommendations; indicate:suggest|show|imply; indicates:suggests|shows|implies; case:situation|scenario|instance;
involving:concerning|featuring|regarding; suppose:imagine|assume; encounters:comes across|meets|runs into; practice:real life|daily work;
reader:person|learner; summary:overview|synopsis|digest; brief:short|concise|quick; short:brief|concise|compact; key:main|central|principal;
main:key|central|principal; points:ideas|takeaways|elements; overview:summary|outline|synopsis; write:compose|produce|draft;
give:provide|offer|present; provide:give|offer|supply; condense:compress|distil|reduce; essentials:basics|fundamentals|core;
excerpt:passage|extract|fragment; section:part|portion|segment; document:text|file|source; information:details|facts|data;
cause:trigger|bring about|produce; causes:triggers|brings about|produces; common:frequent|widespread|typical; often:frequently|commonly|regularly;
usually:typically|generally|normally; high:elevated|raised|large; low:reduced|small|minimal; large:big|sizeable|substantial;
small:little|minor|modest; increase:rise|growth|gain; decrease:drop|decline|reduction; effect:impact|influence|consequence;
effects:impacts|influences|consequences; benefit:advantage|gain|upside; benefits:advantages|gains|upsides; risk:danger|hazard|threat;
risks:dangers|hazards|threats; problem:issue|difficulty|challenge; problems:issues|difficulties|challenges; method:approach|technique|procedure;
methods:approaches|techniques|procedures; way:manner|means|method; ways:means|methods|approaches; used:employed|applied|utilized;
purpose:aim|goal|function; goal:aim|objective|target; goals:aims|objectives|targets; reason:cause|basis|rationale; reasons:causes|grounds|rationales;
result:outcome|consequence|effect; results:outcomes|consequences|findings; example:instance|illustration|case; examples:instances|illustrations|cases;
type:kind|sort|category; types:kinds|sorts|categories; kind:type|sort|variety; kinds:types|sorts|varieties; part:component|element|portion;
parts:components|elements|portions; feature:characteristic|trait|attribute; features:characteristics|traits|attributes;
difference:distinction|contrast|gap; differences:distinctions|contrasts|disparities; relationship:connection|link|relation;
changes:shifts|variations; help:assist|aid|support; helps:assists|aids|supports; needed:required|necessary; require:need|demand|call for;
requires:needs|demands|calls for; allow:permit|enable|let; allows:permits|enables|lets; prevent:avoid|stop|block; prevents:stops|blocks|averts;
improve:enhance|boost|better; improves:enhances|boosts|betters; reduce:lower|decrease|cut; reduces:lowers|decreases|cuts;
affect:influence|impact|alter; affects:influences|impacts|alters; show:demonstrate|reveal|display; shows:demonstrates|reveals|displays;
include:contain|cover|comprise; includes:contains|covers|comprises; contain:hold|include|carry; contains:holds|includes|carries;
create:make|produce|generate; creates:makes|produces|generates; build:construct|assemble|create; begin:start|commence;
stop:halt|cease|end; happen:occur|take place; happens:occurs|takes place; occur:happen|arise|take place; occurs:happens|arises|takes place;
appear:seem|look|emerge; appears:seems|looks|emerges; consider:regard|view|weigh; considered:regarded|viewed|deemed;
determine:establish|decide|identify; determined:established|decided|identified; identify:recognize|pinpoint|detect;
measured:gauged|assessed|quantified; compare:contrast|weigh|relate; compared:contrasted|weighed|set against; differ:vary|diverge|contrast;
develop:form|grow|evolve; developed:formed|created|produced; treat:manage|handle|address; treated:managed|handled|addressed;
treatment:therapy|care|management; patients:individuals|people; people:individuals|persons|humans; person:individual|someone|human;
children:kids|youngsters|minors; doctor:physician|clinician|medic; doctors:physicians|clinicians|medics; disease:illness|condition|disorder;
diseases:illnesses|conditions|disorders; symptoms:signs|manifestations|indications; symptom:sign|manifestation|indication;
complications:problems|issues|consequences; chronic:long-term|persistent|lasting; factors:elements|aspects|variables; factor:element|aspect|variable;
process:procedure|operation|mechanism; system:structure|framework|mechanism; function:role|purpose|job; major:main|principal|significant;
primary:main|chief|principal; typical:usual|common|standard; specific:particular|precise|distinct; different:distinct|various|separate;
similar:comparable|analogous|akin; various:several|diverse|different; several:multiple|various|a number of; quickly:rapidly|swiftly|fast;
slowly:gradually|steadily; rapid:fast|quick|swift; fast:quick|rapid|swift; difficult:hard|challenging|tough; easy:simple|straightforward|effortless;
simple:basic|plain|straightforward; complex:complicated|intricate|involved; possible:feasible|potential|conceivable; likely:probable|expected;
necessary:required|needed|essential; essential:vital|crucial|necessary; crucial:vital|critical|essential; critical:crucial|vital|key;
new:novel|recent|fresh; recent:latest|new|current; current:present|existing|ongoing; modern:contemporary|present-day|current;
general:overall|broad|common; overall:general|total|broad; total:overall|complete|full; entire:whole|full|complete; whole:entire|full|complete;
clear:evident|plain|obvious; obvious:evident|clear|apparent; evidence:proof|support|data; data:information|figures|facts;
study:research|investigation|analysis; research:study|investigation|inquiry; analysis:examination|study|evaluation; approach:method|strategy|technique;
strategy:plan|approach|tactic; plan:scheme|strategy|programme; task:job|assignment|duty; tasks:jobs|assignments|duties; issue:problem|matter|concern;
issues:problems|matters|concerns; concern:worry|issue|matter; idea:concept|notion|thought; ideas:concepts|notions|thoughts;
concept:idea|notion|principle; concepts:ideas|notions|principles; principle:rule|tenet|concept; principles:rules|tenets|concepts;
rule:guideline|principle|norm; rules:guidelines|principles|norms; structure:organization|arrangement|framework; amount:quantity|volume|level;
amounts:quantities|volumes|levels; number:count|quantity|total; size:scale|magnitude|dimensions; rate:pace|speed|frequency; speed:pace|rate|velocity;
period:time|phase|span; stage:phase|step|point; stages:phases|steps|periods; step:stage|phase|action; steps:stages|phases|actions;
area:region|field|zone; areas:regions|fields|zones; field:area|domain|discipline; location:place|site|position; place:location|site|spot;
group:set|category|cluster; groups:sets|categories|clusters; company:firm|business|organization; companies:firms|businesses|organizations;
business:company|firm|enterprise; customer:client|buyer|consumer; customers:clients|buyers|consumers; product:item|good|offering;
products:items|goods|offerings; value:worth|merit|importance; quality:standard|grade|caliber; performance:efficiency|effectiveness|output;
success:achievement|accomplishment|triumph; failure:breakdown|collapse|malfunction; error:mistake|fault|slip; errors:mistakes|faults|slips;
mistake:error|fault|slip; limits:caps|restrictions|boundaries; manage:handle|control|run; managed:handled|controlled|run; protect:shield|safeguard|defend;
protects:shields|safeguards|defends; damage:harm|injury|impairment; harm:damage|injury|hurt; produce:generate|create|make;
produced:generated|created|made; made:produced|created|formed; make:produce|create|form; obtain:get|acquire|gain; receive:get|obtain|be given;
receives:gets|obtains|is given; remove:eliminate|take away|extract; removed:eliminated|taken away|extracted; added:included|inserted|appended;
choose:select|pick|opt for; chosen:selected|picked|preferred; select:choose|pick; discuss:examine|address|explore; discussed:examined|addressed|explored;
mention:note|cite|refer to; mentioned:noted|cited|referred to; define:specify|characterize|explain; defined:specified|characterized|described;
meaning:sense|significance|definition; mean:signify|denote; term:word|expression|phrase; terms:words|expressions|phrases; called:named|known as|termed;
known:recognized|understood; found:located|seen|present; seen:observed|noticed|found; observe:notice|see|watch; observed:noticed|seen|detected;
advantage:benefit|strength|plus; advantages:benefits|strengths|pluses; disadvantage:drawback|downside|weakness; disadvantages:drawbacks|downsides|weaknesses;
weakness:flaw|shortcoming|drawback; strength:advantage|asset|merit; strengths:advantages|assets|merits; impact:effect|influence|consequence;
influence:effect|impact|sway; connection:link|relationship|association; link:connection|relationship|tie; association:link|connection|relationship;
source:origin|basis|root; basic:fundamental|elementary|simple; fundamental:basic|core|essential; core:central|key|main; central:core|key|main;
works:functions|operates; ensure:guarantee|make sure|secure; maintain:keep|preserve|sustain; maintained:kept|preserved|sustained;
achieve:attain|accomplish|reach; achieved:attained|accomplished|reached; avoid:prevent|escape|evade; avoided:prevented|escaped|evaded;
apply:employ|implement|use; applied:employed|implemented|used; perform:carry out|execute|conduct; performed:carried out|executed|conducted;
recommend:advise|suggest|advocate; recommended:advised|suggested|advocated; suggest:propose|recommend|indicate; suggests:proposes|recommends|indicates;
involve:entail|include|comprise; involves:entails|includes|comprises; involved:engaged|included; relate:connect|link|correspond;
related:connected|linked|associated; associated:linked|connected|related; normal:usual|standard|regular; normally:usually|typically|ordinarily;
generally:usually|typically|broadly; commonly:frequently|usually|often; frequently:often|regularly|commonly; rarely:seldom|infrequently|hardly ever;
especially:particularly|notably|specifically; particularly:especially|notably|specifically; mainly:mostly|chiefly|primarily;
mostly:mainly|largely|chiefly; primarily:mainly|chiefly|mostly; serious:severe|grave|major; severe:serious|intense|acute; mild:slight|gentle|light;
excessive:extreme|undue|inordinate; frequent:regular|repeated|common; healthy:fit|well|sound; strong:powerful|robust|sturdy; weak:feeble|frail|fragile;
good:beneficial|positive|favorable; bad:harmful|poor|negative; better:superior|improved|preferable; best:optimal|ideal|finest;
big:large|major|substantial; huge:enormous|vast|massive; tiny:minute|minuscule|very small; discovered:found|uncovered|identified;
regulate:govern|control|oversee; report:state|describe|document; credit:acknowledge|recognize; predict:forecast|foresee|anticipate;
developments:advances|changes|trends; introduced:launched|brought in|first used; cover:pay for|handle|include; figures:numbers|statistics|data;
impact:effect|influence|consequence; working:dealing|engaging
`;

const parse = (table: string): ReadonlyMap<string, readonly string[]> => {
  const map = new Map<string, readonly string[]>();
  for (const entry of table.split(';')) {
    const [word, list] = entry.split(':').map((s) => s.trim());
    if (!word || !list) continue;
    const synonyms = list
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== word);
    if (synonyms.length > 0 && !map.has(word)) map.set(word, synonyms);
  }
  return map;
};

/** Lower-case word → synonyms that can replace it in place (same part of speech and inflection). */
export const SYNONYMS: ReadonlyMap<string, readonly string[]> = parse(TABLE);
