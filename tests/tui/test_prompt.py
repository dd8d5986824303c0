"""Named matrices in a prompt stand side by side, their labels on their first row."""

from __future__ import annotations

from cnnquiz.tui.prompt import lay_out

CONV = """Slide w over x.

x =
```
1  2  3
4  5  6
7  8  9
```

w =
```
 1  0
 0 -1
```

What is y[0, 0]?"""


def test_two_small_matrices_share_one_grid() -> None:
    assert lay_out(CONV) == """Slide w over x.

```
x =        w =
1  2  3     1  0
4  5  6     0 -1
7  8  9
```

What is y[0, 0]?"""


def test_wide_matrices_stay_one_below_the_other_and_plain_text_is_untouched() -> None:
    wide = "a =\n```\n" + "  ".join(["1000"] * 8) + "\n```\n\nb =\n```\n" + \
        "  ".join(["2000"] * 8) + "\n```"
    out = lay_out(wide)
    assert out.count("```") == 4 and out.startswith("```\na =")
    text = "No matrix here.\n\n```\nconv(8,k=3)\n```"
    assert lay_out(text) == text
