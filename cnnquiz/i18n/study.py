"""Strings of the study loop itself (hints), shared by every face that drives it."""

STRINGS: dict[str, tuple[str, str]] = {
    "hint_not": ("It is not **{letter}**: {why}", "不是 **{letter}**：{why}"),
}
