"""The calculator screen: AlexNet layer by layer, typing a spec, its error, a pasted model."""

from __future__ import annotations

from textual.events import Paste
from textual.widgets import DataTable, Input, Select

from cnnquiz.tui.screens.calc import CalcScreen
from cnnquiz.tui.widgets.specinput import SpecInput
from tests.tui.conftest import MakeApp, plain, settle


async def open_calc(app, pilot) -> CalcScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("c")
    await settle(app)
    assert isinstance(app.screen, CalcScreen)
    return app.screen


def column(table: DataTable, index: int) -> list[str]:  # type: ignore[type-arg]
    return [str(table.get_row_at(r)[index]) for r in range(table.row_count)]


async def test_alexnet_layer_by_layer_with_the_selected_rows_formula(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        calc = await open_calc(app, pilot)
        calc.query_one("#calc-network", Select).value = "alexnet"
        await settle(app)
        table = calc.query_one(DataTable)
        assert table.row_count == 22  # torchvision's 22 modules, flatten included
        assert column(table, 2)[:3] == ["64 x 55 x 55", "64 x 55 x 55", "64 x 27 x 27"]
        assert column(table, 3)[0] == "23,296" and column(table, 5)[2] == "19"
        assert "61,100,840" in plain(calc.query_one("#calc-totals"))
        assert "(224 - 11 + 2*2)/4) + 1 = 55" in plain(calc.query_one("#calc-formula"))
        table.focus()
        await pilot.press("down", "down")
        assert "11 + (3-1)*4 = 19" in plain(calc.query_one("#calc-formula"))


async def test_typing_updates_the_table_and_a_bad_spec_shows_one_error_line(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        calc = await open_calc(app, pilot)
        size = calc.query_one("#calc-input", Input)
        size.value = "1x28x28"
        await pilot.press(*"conv(8,k=3)")
        await pilot.pause(0.5)
        await settle(app)
        table = calc.query_one(DataTable)
        assert column(table, 2) == ["8 x 26 x 26"] and column(table, 3) == ["80"]
        assert plain(calc.query_one("#calc-error")).strip() == ""
        await pilot.press(*",convv(3)")
        await pilot.pause(0.5)
        await settle(app)
        error = plain(calc.query_one("#calc-error")).strip()
        assert "convv" in error and len(error.splitlines()) == 1
        assert column(table, 2) == ["8 x 26 x 26"]  # the last good table stays


async def test_layer_names_complete_after_the_last_separator(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        calc = await open_calc(app, pilot)
        spec = calc.query_one("#calc-spec", SpecInput)
        await pilot.press(*"conv(8,k=3), ma")
        await pilot.pause(0.2)
        await pilot.press("right")  # accepts the suggestion
        assert spec.value == "conv(8,k=3), maxpool("


async def test_a_pasted_print_of_a_model_is_calculated_whole(app_factory: MakeApp) -> None:
    printed = ("Sequential(\n  (0): Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1))\n"
               "  (1): ReLU()\n  (2): Flatten(start_dim=1, end_dim=-1)\n)\n")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        calc = await open_calc(app, pilot)
        calc.query_one("#calc-input", Input).value = "3x8x8"
        spec = calc.query_one("#calc-spec", SpecInput)
        spec.post_message(Paste(printed))
        await pilot.pause(0.5)
        await settle(app)
        assert "5 lines" in spec.value
        table = calc.query_one(DataTable)
        assert column(table, 2)[0] == "16 x 6 x 6"
