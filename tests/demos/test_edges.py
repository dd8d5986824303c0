"""The edge toy finds what each filter is said to find, with PyTorch's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from cnnquiz.demos.edges import FILTERS, KERNELS, PICTURE, edges, filter_named
from cnnquiz.errors import DemoError


def test_sobel_x_finds_the_squares_sides_and_not_its_top() -> None:
    e = edges("sobel-x")
    # the square covers rows 2-9, columns 2-9: its left side (between columns 1 and 2)
    # answers, the middle of its top edge (row 1/2, column 5) does not
    assert e.shown[5, 1] == pytest.approx(1.0) and e.shown[5, 2] == pytest.approx(1.0)
    assert e.response[5, 1] > 0 > e.response[5, 10]  # dark-to-bright, bright-to-dark
    assert e.response[1, 5] == 0 and e.response[5, 5] == 0


def test_sobel_y_is_sobel_x_turned() -> None:
    e = edges("sobel-y")
    assert e.response[1, 5] > 0 and e.response[5, 1] == 0
    np.testing.assert_array_equal(KERNELS["sobel-y"][0], KERNELS["sobel-x"][0].T)


def test_laplacian_is_zero_inside_flat_regions_and_blur_keeps_the_mean() -> None:
    lap, blur, sharp = edges("laplacian"), edges("blur"), edges("sharpen")
    assert lap.response[5, 5] == 0 and lap.response[0, 0] == 0 and lap.shown.max() == 1.0
    # nothing touches the border, so a normalised blur keeps the total brightness
    assert blur.response.sum() == pytest.approx(PICTURE.sum())
    assert 0 < blur.shown[2, 2] < 1  # a corner softened
    assert sharp.response[2, 2] > PICTURE[2, 2] and sharp.shown.max() <= 1


def test_filters_are_named_as_people_type_them() -> None:
    assert filter_named("Sobel_X") == "sobel-x" and filter_named("sobelx") == "sobel-x"
    with pytest.raises(DemoError, match="choose one of sobel-x"):
        filter_named("canny")


@pytest.mark.oracle
@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_is_torchs_conv2d(name: str) -> None:
    torch = pytest.importorskip("torch")
    e = edges(name)
    kernel, divisor = KERNELS[name]
    expected = torch.nn.functional.conv2d(
        torch.tensor(PICTURE)[None, None], torch.tensor(kernel / divisor)[None, None],
        padding=1)[0, 0].numpy()
    np.testing.assert_allclose(e.response, expected, atol=1e-12)
