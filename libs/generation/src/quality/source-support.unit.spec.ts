import { adequacyScore } from './answer-substance';
import { groundingScore, relevanceScore } from './source-support';

const CHUNK = `## Asthma
Asthma is a long-term inflammatory disease of the airways of the lungs. Diagnosis is usually based on the pattern of
symptoms and spirometry lung function testing. Inhaled corticosteroids are the most effective long-term treatment for
persistent asthma. A severe attack that does not respond to treatment, called status asthmaticus, is a medical emergency.
Symptoms of asthma often develop over weeks.`;

describe('groundingScore', () => {
  it('is 1 for words of the chunk, in other forms too, and low for new facts', () => {
    expect(groundingScore('It is diagnosed by testing lung function.', CHUNK)).toBe(1);
    expect(groundingScore('Montelukast tablets taken nightly are the preferred therapy for adults.', CHUNK)).toBe(0);
  });
});

describe('relevanceScore', () => {
  it('is high when the answer rests on the sentence the question asks about', () => {
    expect(relevanceScore('How is asthma diagnosed?', 'Diagnosis is based on symptoms and spirometry.', CHUNK)).toBe(1);
    expect(relevanceScore('What is status asthmaticus?', 'A severe attack that does not respond to treatment.', CHUNK)).toBe(1);
  });
  it('is low when the answer is about something else', () => {
    expect(
      relevanceScore('How is asthma diagnosed?', 'Inhaled corticosteroids are the most effective long-term treatment.', CHUNK),
    ).toBeLessThan(0.7);
    expect(relevanceScore('What is status asthmaticus?', 'Asthma is a disease of the airways of the lungs.', CHUNK)).toBe(0);
  });
  it('asks a number of a quantity question', () => {
    expect(relevanceScore('How long do symptoms take to develop?', 'Over weeks.', CHUNK)).toBeGreaterThanOrEqual(0.75);
    expect(relevanceScore('How long do symptoms take to develop?', 'Asthma is a disease of the airways.', CHUNK)).toBeLessThanOrEqual(0.5);
  });
  it('takes a pronoun for the subject, and Yes/No as addressing a yes/no question', () => {
    expect(relevanceScore('When is status asthmaticus an emergency?', 'Only when it does not respond to treatment.', CHUNK)).toBe(1);
    expect(
      relevanceScore('Is spirometry used for diagnosis?', 'Yes, together with the pattern of symptoms.', CHUNK),
    ).toBeGreaterThanOrEqual(0.8);
  });
});

describe('adequacyScore', () => {
  it.each([
    ['Yes.', 'Is asthma an emergency?', 0.05],
    ['It depends.', 'Why do attacks happen?', 0.05],
    ['The symptoms of asthma.', 'What are the symptoms of asthma?', 0.05],
    ['Metformin.', 'Which drug is first-line?', 0.8],
    ['It is a severe attack that does not respond to treatment.', 'What is status asthmaticus?', 1],
  ])('scores %j to %j as %f', (answer, question, expected) => expect(adequacyScore(answer, question)).toBe(expected));
});
