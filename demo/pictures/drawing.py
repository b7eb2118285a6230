"""
What every demo picture is drawn with: the palette, colour helpers, a pen
that lays a scene out on a fixed frame whatever size it is drawn at, hill
lines and the sky.
"""

from PIL import Image, ImageDraw, ImageFilter

# Every scene is laid out on this frame; a Pen scales it to the size drawn.
FRAME = (1200, 800)

SKIES = {
    "morning": ((118, 168, 222), (250, 226, 184)),
    "noon": ((46, 112, 196), (196, 222, 242)),
    "dusk": ((64, 56, 116), (248, 152, 84)),
    "overcast": ((128, 136, 146), (218, 216, 208)),
    "storm": ((58, 66, 82), (156, 164, 160)),
}
GREENS = [(74, 134, 52), (98, 152, 62), (62, 114, 56), (124, 162, 72), (84, 140, 90)]
SHIRTS = {
    "blue": (42, 82, 160),
    "white": (232, 232, 226),
    "red": (178, 42, 46),
    "green": (52, 120, 72),
    "yellow": (226, 186, 52),
    "grey": (122, 122, 128),
    "black": (36, 36, 42),
    "pink": (220, 122, 150),
    "orange": (226, 122, 42),
}
SKIN = [(226, 182, 142), (204, 152, 112), (178, 128, 92), (152, 102, 72), (124, 84, 58)]
HAIR = [(24, 20, 18), (40, 30, 26), (58, 44, 36), (92, 90, 88)]
MUD = (150, 124, 92)


class Pen:
    """
    Draws on ``canvas`` in the coordinates of ``FRAME``, whatever the
    canvas's size: points, line widths and corner radii are scaled, so a
    picture drawn small is the same picture, smaller.
    """

    def __init__(self, canvas):
        self.draw = ImageDraw.Draw(canvas)
        self.x_scale = canvas.width / FRAME[0]
        self.y_scale = canvas.height / FRAME[1]

    def x(self, value):
        """A horizontal position or length of the frame, in the canvas's pixels."""
        return round(value * self.x_scale)

    def y(self, value):
        return round(value * self.y_scale)

    def _points(self, xy):
        """``[(x, y), …]`` or ``[x0, y0, x1, y1]``, scaled."""
        if isinstance(xy[0], tuple | list):
            return [(x * self.x_scale, y * self.y_scale) for x, y in xy]
        return [v * (self.y_scale if i % 2 else self.x_scale) for i, v in enumerate(xy)]

    def _width(self, width):
        return max(1, round(width * min(self.x_scale, self.y_scale)))

    def line(self, xy, fill, width):
        self.draw.line(self._points(xy), fill=fill, width=self._width(width))

    def polygon(self, xy, fill, outline=None):
        self.draw.polygon(self._points(xy), fill=fill, outline=outline)

    def rectangle(self, xy, fill):
        self.draw.rectangle(self._points(xy), fill=fill)

    def rounded_rectangle(self, xy, radius, fill):
        self.draw.rounded_rectangle(self._points(xy), radius=self._width(radius), fill=fill)

    def ellipse(self, xy, fill):
        self.draw.ellipse(self._points(xy), fill=fill)

    def chord(self, xy, start, end, fill):
        self.draw.chord(self._points(xy), start, end, fill=fill)


def mix(a, b, t):
    """The colour a fraction ``t`` of the way from ``a`` to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def vary(rng, colour, amount=16):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def soften(image, factor):
    """A cheap blur: shrink, then enlarge again."""
    return image.reduce(factor).resize(image.size, Image.BILINEAR)


def ridge(rng, width, base, amplitude, roughness=0.55, steps=7):
    """A hill line by midpoint displacement, as points across the width."""
    heights = [base + rng.uniform(-amplitude, amplitude) for _ in range(2)]
    spread = amplitude
    for _ in range(steps):
        spread *= roughness
        refined = []
        for left, right in zip(heights, heights[1:], strict=False):
            refined += [left, (left + right) / 2 + rng.uniform(-spread, spread)]
        heights = [*refined, heights[-1]]
    step = width / (len(heights) - 1)
    return [(round(i * step), round(y)) for i, y in enumerate(heights)]


def sky(rng, size, horizon, name):
    """A canvas of ``size`` under the sky ``name`` down to ``horizon`` (in the frame)."""
    width, _ = FRAME
    top, low = SKIES[name]
    canvas = Image.new("RGB", size, low)
    pen = Pen(canvas)
    horizon_px = max(1, pen.y(horizon))
    canvas.paste(gradient((size[0], horizon_px), top, low), (0, 0))
    if name in {"morning", "dusk", "noon"}:
        radius = rng.randint(20, 36)
        x = rng.randint(width // 8, width * 7 // 8)
        y = rng.randint(horizon // 4, horizon * 4 // 5)
        colour = (255, 250, 230) if name == "noon" else (255, 214, 150)
        side = radius * 10
        glow_size = (max(1, pen.x(side)), max(1, pen.y(side)))
        glow = Image.radial_gradient("L").resize(glow_size)
        glow = glow.point(lambda v: round(max(0, 255 - v * 2) * 0.6))
        corner = (pen.x(x) - glow_size[0] // 2, pen.y(y) - glow_size[1] // 2)
        canvas.paste(colour, corner, glow)
        pen.ellipse(
            [x - radius, y - radius, x + radius, y + radius], fill=mix(colour, (255,) * 3, 0.6)
        )
    # Clouds: clusters of ellipses drawn small, blurred, then enlarged.
    mask = Image.new("L", (width // 8, max(1, horizon // 8)), 0)
    draw = ImageDraw.Draw(mask)
    for _ in range(rng.randint(2, 7)):
        cx = rng.randint(0, mask.width)
        cy = rng.randint(0, max(1, mask.height * 3 // 4))
        for _ in range(rng.randint(4, 9)):
            rx, ry = rng.randint(4, 14), rng.randint(2, 6)
            ox, oy = cx + rng.randint(-16, 16), cy + rng.randint(-4, 3)
            draw.ellipse([ox - rx, oy - ry, ox + rx, oy + ry], fill=rng.randint(150, 230))
    mask = mask.filter(ImageFilter.GaussianBlur(1.6)).resize((size[0], horizon_px), Image.BICUBIC)
    if name in {"overcast", "storm"}:
        cloud = mix(top, (70, 72, 80), 0.4)
    else:
        cloud = mix(low, (255, 255, 255), 0.6)
    canvas.paste(cloud, (0, 0, size[0], horizon_px), mask)
    return canvas
