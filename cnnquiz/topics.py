"""The topic map (shared/topics.md) as plain data: sections and the topic slugs under them.

Generated templates and concept-bank entries both name one topic slug from here;
stats group by it and the study loop introduces new skills in this order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    section: int
    en: str
    zh: str


SECTIONS: dict[int, tuple[str, str]] = {
    1: ("Convolution arithmetic", "卷积运算"),
    2: ("Pooling, flatten, feature maps", "池化、展平与特征图"),
    3: ("Parameters and compute", "参数量与计算量"),
    4: ("Receptive field", "感受野"),
    5: ("Upsampling", "上采样"),
    6: ("Dropout", "Dropout"),
    7: ("Properties of CNNs", "CNN 的特性"),
    8: ("Architectures", "经典网络结构"),
    9: ("Training basics", "训练基础"),
    10: ("Seeing what a CNN learns", "CNN 可视化"),
}

TOPICS: tuple[Topic, ...] = (
    Topic("conv1d", 1, "1-D convolution", "一维卷积"),
    Topic("output-size", 1, "Output size", "输出尺寸"),
    Topic("padding", 1, "Padding modes", "填充方式"),
    Topic("channels", 1, "Kernels and channels", "卷积核与通道"),
    Topic("conv-as-fc", 1, "Convolution as a sparse layer", "卷积与全连接的关系"),
    Topic("conv-by-hand", 1, "Convolution by hand and classic kernels", "手算卷积与经典卷积核"),
    Topic("pooling", 2, "Pooling", "池化"),
    Topic("flatten", 2, "Flatten and feature maps", "展平与特征图"),
    Topic("params", 3, "Parameter counts", "参数量"),
    Topic("macs", 3, "Compute (MACs)", "计算量"),
    Topic("receptive-field", 4, "Receptive field", "感受野"),
    Topic("upsampling", 5, "Transposed convolution and upsampling", "转置卷积与上采样"),
    Topic("dropout", 6, "Dropout", "Dropout"),
    Topic("cnn-properties", 7, "Properties of CNNs", "CNN 的特性"),
    Topic("architectures", 8, "Classic architectures", "经典网络结构"),
    Topic("backprop", 9, "Layers and backpropagation", "前向与反向传播"),
    Topic("activations", 9, "Activations", "激活函数"),
    Topic("losses", 9, "Softmax and losses", "Softmax 与损失函数"),
    Topic("regularization", 9, "Regularisation", "正则化"),
    Topic("optimizers", 9, "Optimizers", "优化器"),
    Topic("normalization", 9, "Normalisation and gradients", "归一化与梯度问题"),
    Topic("visualization", 10, "Visualising CNNs", "CNN 可视化"),
)

BY_SLUG: dict[str, Topic] = {t.slug: t for t in TOPICS}
ORDER: dict[str, int] = {t.slug: i for i, t in enumerate(TOPICS)}


def topic(slug: str) -> Topic:
    """The topic named by `slug`; KeyError names the valid slugs."""
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown topic {slug!r}; known: {', '.join(BY_SLUG)}") from None
