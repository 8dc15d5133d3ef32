"""Series colours: the Okabe–Ito set (told apart with colour blindness too), and a lighter
variant for dark backgrounds."""

from __future__ import annotations

LIGHT_SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DARK_SERIES = ("#56B4E9", "#FF8C42", "#2BD9A6", "#E9A3C9", "#F5C242", "#9AD0F5", "#FFFFFF")
