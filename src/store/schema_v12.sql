-- Version 12: monitoring and evaluation (monev), the ten years after the signing. `realisation` is what each
-- program did in a year (status, the reason of a delay or drop, the indicator's actual value, a note and the
-- evidence as text: files are referred to, never copied in); `realisation_spending` the money it spent per
-- funding source in whole rupiah. Like the quick wins, both point at programs without a foreign key: a removed
-- program keeps them, so undoing the removal brings them back. The evaluation framework is data: five
-- dimensions with integer weights (points) and their items, seeded below with the defaults one regency
-- reported from the guide (ids derived from the keys, as `model::stable_id` derives them); `evaluation_score`
-- holds the self-assessment per year and item, in hundredths of a point (0-500).
CREATE TABLE realisation (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'running', 'done', 'delayed', 'dropped')),
    reason TEXT NOT NULL,
    actual TEXT NOT NULL,
    note TEXT NOT NULL,
    evidence TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, year)
) STRICT;
CREATE TABLE realisation_spending (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN
        ('apbd', 'apbn', 'dak', 'province', 'kpbu', 'csr', 'private', 'dana_desa', 'other')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, year, source)
) STRICT;
CREATE TABLE evaluation_dimension (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE evaluation_item (
    id TEXT PRIMARY KEY,
    dimension_id TEXT NOT NULL REFERENCES evaluation_dimension(id),
    key TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE evaluation_score (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES evaluation_item(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 500),
    evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (year, item_id)
) STRICT;
INSERT INTO evaluation_dimension (id, key, name_id, name_en, weight, position, updated_at, changed_by) VALUES
    ('5c015d7d-e051-5ad2-a9d5-3e935852a456', 'baseline', 'Baseline (kondisi awal)', 'Baseline', 10, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('97bc70ce-af64-5056-813c-d16c97d8ced8', 'output', 'Output (keluaran)', 'Output', 20, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('82909bcf-2a51-5287-9530-c46882672a28', 'outcome', 'Outcome (hasil)', 'Outcome', 30, 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('ec28f50b-31ff-5a04-a2ec-55a4fa6b6487', 'impact', 'Dampak', 'Impact', 30, 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('f518b75e-17dc-5c35-ad9b-3b0208ecde9f', 'quick_win', 'Quick win', 'Quick win', 10, 4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '');
INSERT INTO evaluation_item (id, dimension_id, key, name_id, name_en, weight, position, updated_at, changed_by) VALUES
    ('5ec65967-153d-53c8-9199-293f92d5a3e8', '5c015d7d-e051-5ad2-a9d5-3e935852a456', 'baseline_readiness',
        'Kondisi struktur, infrastruktur dan suprastruktur pada evaluasi tahun ini',
        'State of structure, infrastructure and superstructure at this year''s evaluation', 50, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('a01eb54e-b559-574b-b82a-54ea5ba129f4', '5c015d7d-e051-5ad2-a9d5-3e935852a456', 'baseline_improvement',
        'Peningkatan masterplan dan quick win dibanding evaluasi sebelumnya',
        'Improvement of the masterplan and quick wins over the previous evaluation', 50, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('88668bfb-7a71-59ec-a905-53ad6eaea6fa', '97bc70ce-af64-5056-813c-d16c97d8ced8', 'output_policy',
        'Regulasi penetapan masterplan',
        'A regulation adopting the masterplan', 40, 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('3c635127-e86c-59e1-b890-c07739297000', '97bc70ce-af64-5056-813c-d16c97d8ced8', 'output_institutions',
        'Kelembagaan: dewan smart city, tim pelaksana, forum',
        'Institutions: smart city council, implementation team, forums', 30, 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('b71a13db-8551-5d3c-804d-f4d48c8b6096', '97bc70ce-af64-5056-813c-d16c97d8ced8', 'output_budget',
        'Anggaran untuk smart city',
        'Budget for smart city', 30, 4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('6a73b88a-1e9a-51aa-8f5f-c6c8e226fe0c', '82909bcf-2a51-5287-9530-c46882672a28', 'outcome_implementation',
        'Keterlaksanaan program masterplan',
        'How far the masterplan''s programs are carried out', 100, 5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('f303f39a-6ab1-5977-a8e1-818ab5ad1185', 'ec28f50b-31ff-5a04-a2ec-55a4fa6b6487', 'impact_services',
        'Peningkatan layanan publik',
        'Better public services', 40, 6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('10f9e95d-3174-50f7-8031-162a50be8fbc', 'ec28f50b-31ff-5a04-a2ec-55a4fa6b6487', 'impact_participation',
        'Keterlibatan warga',
        'Citizen involvement', 30, 7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('0d54b6a6-ac2c-5d53-8cfb-cc6f47a4e8b1', 'ec28f50b-31ff-5a04-a2ec-55a4fa6b6487', 'impact_sustainability',
        'Keberlanjutan program yang berjalan',
        'Sustainability of the running programs', 30, 8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('ed7b39db-3271-5918-a434-e609d6098831', 'f518b75e-17dc-5c35-ad9b-3b0208ecde9f', 'quick_win_innovation',
        'Inovasi program quick win',
        'Innovation of the quick-win programs', 50, 9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ''),
    ('db5abfb7-2be4-50a2-a2aa-5a4744ef8f91', 'f518b75e-17dc-5c35-ad9b-3b0208ecde9f', 'quick_win_continuation',
        'Keberlanjutan program quick win',
        'Continuation of the quick-win programs', 50, 10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '');
