"""Killing the program during the operations that matter most, many times (issue 7, item 4).

A child process runs the real service and is killed with SIGKILL at a random moment
(``tests/helpers/kill_harness.py``); after every kill the database passes
``integrity_check`` and ``foreign_key_check`` and each operation is wholly there or
wholly absent:

* an import of a 5,000-row trainee sheet (one unit of work): all the rows and one
  audit entry, or none;
* issuing delivery notes (one unit of work each) with several lines over several
  batches: a note is emitida with its number and every batch's delivered quantity
  includes its lines, or it is still a draft with nothing taken; numbers without gaps;
* a batch of certificates (one transaction): the whole batch, numbered without gaps,
  each certificate signed and with its audit entry, or nothing.

Defaults keep the whole crash suite near a minute; ``CARCELES_CRASH_OPERATION_KILLS``
(kills per workload) and ``CARCELES_CRASH_IMPORT_ROWS`` raise them.  Run with ``-s`` to
see the counts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import crash_operations
from tests.helpers.kill_harness import kill_at_random

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="kill tests need fork() and SIGKILL"),
]

KILLS = int(os.environ.get("CARCELES_CRASH_OPERATION_KILLS", "10"))
ROWS = int(os.environ.get("CARCELES_CRASH_IMPORT_ROWS", "5000"))


def test_an_import_killed_at_random_is_all_or_nothing(
    migrated_template: Path, tmp_path: Path
) -> None:
    template = crash_operations.prepare_import_template(migrated_template, tmp_path)
    sheet = crash_operations.write_trainees_csv(tmp_path / "internos.csv", ROWS)

    report = kill_at_random(
        crash_operations.import_sheet,
        template,
        lambda path: crash_operations.judge_import(path, ROWS),
        runs=KILLS,
        workdir=tmp_path,
        args=(str(sheet),),
    )
    print(report.summary())
    assert report.killed >= KILLS // 2, report.summary()
    assert report.outcomes["none"] >= 1, report.summary()


def test_issuing_deliveries_killed_at_random_leaves_whole_notes(tmp_path: Path) -> None:
    template, plan = crash_operations.prepare_delivery_template(tmp_path / "seed")

    report = kill_at_random(
        crash_operations.issue_drafts,
        template,
        lambda path: crash_operations.judge_deliveries(path, plan),
        runs=KILLS,
        workdir=tmp_path,
        args=(",".join(map(str, plan.drafts)),),
    )
    print(report.summary())
    assert report.killed >= KILLS // 2, report.summary()
    # Some kills stopped it between two notes, not only before the first or after the last.
    ends = ("0 of", f"{len(plan.drafts)} of")
    partial = [label for label in report.outcomes if not label.startswith(ends)]
    assert partial, report.summary()


def test_a_certificate_batch_killed_at_random_is_all_or_nothing(tmp_path: Path) -> None:
    template, enrolments = crash_operations.prepare_certificate_template(tmp_path / "seed")

    report = kill_at_random(
        crash_operations.issue_batch,
        template,
        lambda path: crash_operations.judge_certificates(path, enrolments),
        runs=KILLS,
        workdir=tmp_path,
        args=(",".join(map(str, enrolments)),),
    )
    print(report.summary())
    assert report.killed >= KILLS // 2, report.summary()
    assert report.outcomes["none"] >= 1, report.summary()
