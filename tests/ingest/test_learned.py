"""What a steward teaches (a column name, a word for a vocabulary entry) is used for the next file
of the same deployment, and never overrides the built-in names."""

from __future__ import annotations

from analytics.ingest import learned, pipeline
from tests.ingest.samples import write_csv

HEADER = ["Tanggal", "Kabupaten/Kota", "Bentuk Acara", "Penyelenggara", "Nama Acara", "Tautan"]
ROW = [
    "17 Oktober 2020",
    "Kab. Nunukan",
    "Apel kesetiaan",
    "Pemkab Nunukan",
    "Apel netralitas",
    "https://example.org/a",
]


def test_a_taught_column_and_value_are_used_for_the_next_file(data_dir, tmp_path):
    path = write_csv(tmp_path / "acara.csv", HEADER, [ROW])
    first = pipeline.prepare("socialization_events", path, data_dir=data_dir)
    assert {"Bentuk Acara", "Nama Acara"} <= set(first.mapping.ignored)
    taught = (
        learned.load(data_dir)
        .with_header("socialization_events", "Bentuk  acara", "event_type")
        .with_header("socialization_events", "Nama Acara", "title")
    )
    learned.save(taught, data_dir)
    second = pipeline.prepare("socialization_events", path, data_dir=data_dir)
    assert second.mapping.columns.keys() >= {"event_type", "title"}
    assert [p.code for p in second.problems] == ["unknown_reference"]  # 'Apel kesetiaan' is not known yet
    learned.save(learned.load(data_dir).with_value("event_type", "Apel Kesetiaan", "ikrar_pakta"), data_dir)
    third = pipeline.prepare("socialization_events", path, data_dir=data_dir)
    assert third.ok and third.validated.rows.iloc[0]["event_type"] == "ikrar_pakta"


def test_a_taught_name_never_overrides_a_built_in_one_or_names_an_unknown_code(data_dir, tmp_path):
    taught = (
        learned.Learned()
        .with_header("socialization_events", "Judul", "organizer")
        .with_value("event_type", "Sosialisasi", "rakor")
        .with_value("event_type", "Apel kesetiaan", "tidak_ada")
    )
    learned.save(taught, data_dir)
    header = ["Tanggal", "Kabupaten/Kota", "Jenis Kegiatan", "Penyelenggara", "Judul", "Tautan"]
    rows = [
        ["17 Oktober 2020", "Kab. Nunukan", "Sosialisasi", "Pemkab", "Sosialisasi netralitas", "https://e.org/a"],
        ["18 Oktober 2020", "Kab. Nunukan", "Apel kesetiaan", "Pemkab", "Apel", "https://e.org/b"],
    ]
    prepared = pipeline.prepare("socialization_events", write_csv(tmp_path / "k.csv", header, rows), data_dir=data_dir)
    assert prepared.mapping.source_header("title") == "Judul"
    assert [(p.code, p.row) for p in prepared.problems] == [("unknown_reference", 3)]  # no such code: not taught
    assert prepared.validated is not None


def test_an_unreadable_learned_file_is_no_lesson(data_dir):
    learned.path(data_dir).parent.mkdir(parents=True, exist_ok=True)
    learned.path(data_dir).write_text("{not json", encoding="utf-8")
    assert learned.load(data_dir) == learned.Learned()
