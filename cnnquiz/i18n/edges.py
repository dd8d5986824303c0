"""Strings of the edge-detection toy (the app's edges screen and `cnnquiz demo edges`)."""

STRINGS: dict[str, tuple[str, str]] = {
    "name_sobel-x": ("Sobel x", "Sobel x"),
    "name_sobel-y": ("Sobel y", "Sobel y"),
    "name_laplacian": ("Laplacian", "拉普拉斯"),
    "name_blur": ("Blur (Gaussian)", "模糊（高斯）"),
    "name_sharpen": ("Sharpen", "锐化"),
    "finds_sobel-x": ("finds vertical edges: brightness changing from left to right",
                      "找出竖直边缘：亮度在左右方向上的变化"),
    "finds_sobel-y": ("finds horizontal edges: brightness changing from top to bottom",
                      "找出水平边缘：亮度在上下方向上的变化"),
    "finds_laplacian": ("finds every outline: a pixel unlike the mean of its 4 neighbours",
                        "找出所有轮廓：与四个相邻像素的均值不同的像素"),
    "finds_blur": ("softens: each pixel becomes a weighted mean of its 3x3 neighbourhood",
                   "柔化：每个像素变为其 3x3 邻域的加权平均"),
    "finds_sharpen": ("crisps: each pixel pushed away from its neighbours (5x itself minus "
                      "the 4 neighbours)",
                      "锐化：每个像素远离其邻居（自身乘 5 减去四个相邻像素）"),
    "picture": ("picture", "原图"),
    "result": ("result", "结果"),
    "kernel": ("kernel", "卷积核"),
    "kernel_over": ("kernel ÷ {d}", "卷积核 ÷ {d}"),
    "shown_signed": ("Shown: the size of the response, |y| / max |y| (edges are positive "
                     "or negative). 3x3 convolution with padding 1, as PyTorch's conv2d.",
                     "显示：响应的大小 |y| / max |y|（边缘响应可正可负）。3x3 卷积，填充 1，"
                     "与 PyTorch 的 conv2d 相同。"),
    "shown_clipped": ("Shown: the response clipped to 0-1. 3x3 convolution with padding 1, "
                      "as PyTorch's conv2d.",
                      "显示：响应截断到 0-1。3x3 卷积，填充 1，与 PyTorch 的 conv2d 相同。"),
    "keys": ("←/→ or 1-5: another filter", "←/→ 或 1-5：换一个滤波器"),
}
