"""The words a concept question from the bank is framed with (true/false, choose all,
the verdict of each option in the solution)."""

STRINGS: dict[str, tuple[str, str]] = {
    "true": ("True", "对"),
    "false": ("False", "错"),
    "tf": ("True or false?", "判断对错"),
    "all": ("choose all that apply", "多选，选出所有正确项"),
    "right": ("right", "正确"),
    "wrong": ("wrong", "错误"),
    "step": ("**{letter}** ({verdict}): {why}", "**{letter}**（{verdict}）：{why}"),
}
