import { createHash } from 'node:crypto';
import { SERVICE_MIGRATIONS } from './database';

/**
 * Migrations that a release has applied somewhere, with the SHA-256 of their SQL. A data directory or a
 * database made by an earlier build has run exactly these: editing one would leave those stores on a
 * schema this build does not describe. A schema change is a new, higher-numbered migration (add it here).
 */
const APPLIED: Readonly<Record<string, string>> = {
  '001_event_store': 'dcac09c8d916cc7b9745a19932bd2f7289350dae22839e9ae6ec1c80e79a496f',
  '101_read_models': '19bacace6f18bc5df48b32016453b8e3498d238fe76aa6b6d4c9d4dfc67a8804',
  '102_find_again': '6dbc3b89168fd5b2de39540a346313475b6040b4de4fd8acb063b403c8450fce',
  '103_review_and_provenance': 'a62f8c3566763e436e59de14fcfcddb105e9a066b05fbf161b7e854a69267fce',
  '201_bus_checkpoints': '41a47eb9b25e9d1702a8582f927cbae6d21be54eb3e34eb344c427a2ee75ce06',
  '202_bus_relay_leases': '6584f1412c49b15bb16a5a2648033c1f14a9241a50a20386402f5d441a921eb0',
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('applied migrations', () => {
  it.each(Object.entries(APPLIED))('%s is unchanged', (id, hash) => {
    const migration = SERVICE_MIGRATIONS.find((m) => m.id === id);
    expect(migration && sha256(migration.sql)).toBe(hash);
  });

  it('every migration is pinned here once released, and ids are unique', () => {
    const ids = SERVICE_MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !(id in APPLIED))).toEqual([]);
  });
});
