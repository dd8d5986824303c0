"""The store opens only when an operation needs it, and the progress operations work
through it: study answers are saved, stats read them, the interview date round-trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from cnnquiz.application import Settings, make_application, open_application
from cnnquiz.cli.main import app as cli
from cnnquiz.questions import generate

runner = CliRunner()


def test_show_calc_print_and_bank_list_never_open_the_store(settings: Settings,
                                                            db: Path) -> None:
    with open_application(settings) as application:
        application.question(generate.make("conv.output_size", 1, 7).code)
        application.calc("conv(8,3)", "3x8x8")
        application.build_sets(count=3, seed=1)
        application.bank_rows()
        assert not application.store_opened
    code = generate.make("conv.output_size", 1, 7).code
    for args in (["show", code], ["calc", "conv(8,3)", "--input", "3x8x8"],
                 ["print", "--count", "2", "--seed", "3"], ["bank", "list", "--json"]):
        out = runner.invoke(cli, ["--db", str(db), *args])
        assert out.exit_code == 0, (args, out.output)
    assert not db.exists()


def test_a_study_answer_is_saved_and_counted(settings: Settings, db: Path) -> None:
    with open_application(settings) as application:
        loop = application.study(["output-size"], count=1)
        q = loop.next()
        assert q is not None and application.store_opened
        loop.answer(str(q.answer.value))
        loop.close()
    assert db.exists()
    with open_application(settings) as again:
        summary = again.stats()
    assert (summary.attempts, summary.correct) == (1, 1)


def test_the_interview_date_round_trips_per_learner(settings: Settings) -> None:
    with open_application(settings) as application:
        assert application.interview_date() is None
        assert application.learners() == []  # reading created no learner
        application.set_interview_date(date(2030, 1, 31))
        assert application.load_settings().interview == date(2030, 1, 31)
    other = make_application(settings.with_learner("ann"))
    assert other.interview_date() is None
    other.close()
    with open_application(settings) as application:
        application.set_interview_date(None)
        assert application.load_settings().interview is None


def test_stats_reopen_a_read_only_store_for_writing(settings: Settings) -> None:
    with open_application(settings) as application:
        application.stats()
        application.set_interview_date(date(2031, 5, 1))
        assert application.interview_date() == date(2031, 5, 1)


def test_drill_through_the_cli_saves_for_the_learner_option(db: Path) -> None:
    out = runner.invoke(cli, ["--db", str(db), "drill", "--learner", "ann", "--count", "1",
                              "--topic", "output-size", "--interview", "2030-02-01"],
                        input="?\n")
    assert out.exit_code == 0, out.output
    with open_application(Settings(db=str(db), learner="ann")) as application:
        assert application.stats().attempts == 1
        assert application.interview_date() == date(2030, 2, 1)
        assert application.learners() == ["ann"]
