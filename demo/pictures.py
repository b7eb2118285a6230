"""
Demo photographs drawn with Pillow alone: skies, hills, paddies, rivers,
streets and people, then film grain and a vignette so they read as
photographs at a glance.
"""

import functools
import io
import random

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter

from .data import PHOTO_SIZE

# -- Pictures ---------------------------------------------------------------
# Drawn with Pillow alone: skies, hills, paddies, rivers, streets and people,
# then film grain and a vignette so they read as photographs at a glance.

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


def _mix(a, b, t):
    """The colour a fraction ``t`` of the way from ``a`` to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _vary(rng, colour, amount=16):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _soften(image, factor):
    """A cheap blur: shrink, then enlarge again."""
    return image.reduce(factor).resize(image.size, Image.BILINEAR)


@functools.cache
def _grain(size):
    """Film grain: one noise texture, shared by every picture of a run."""
    return Image.effect_noise(size, 16).convert("RGB")


@functools.cache
def _vignette(size):
    mask = Image.radial_gradient("L").resize(size)
    mask = mask.point(lambda v: 255 - max(0, v - 110) // 2)
    return Image.merge("RGB", [mask] * 3)


def _ridge(rng, width, base, amplitude, roughness=0.55, steps=7):
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


def _sky(rng, size, horizon, name):
    width, _ = size
    top, low = SKIES[name]
    canvas = Image.new("RGB", size, low)
    canvas.paste(_gradient((width, horizon), top, low), (0, 0))
    if name in {"morning", "dusk", "noon"}:
        radius = rng.randint(20, 36)
        x = rng.randint(width // 8, width * 7 // 8)
        y = rng.randint(horizon // 4, horizon * 4 // 5)
        colour = (255, 250, 230) if name == "noon" else (255, 214, 150)
        side = radius * 10
        glow = Image.radial_gradient("L").resize((side, side))
        glow = glow.point(lambda v: round(max(0, 255 - v * 2) * 0.6))
        canvas.paste(colour, (x - side // 2, y - side // 2, x + side // 2, y + side // 2), glow)
        ImageDraw.Draw(canvas).ellipse(
            [x - radius, y - radius, x + radius, y + radius], fill=_mix(colour, (255,) * 3, 0.6)
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
    mask = mask.filter(ImageFilter.GaussianBlur(1.6)).resize((width, horizon), Image.BICUBIC)
    if name in {"overcast", "storm"}:
        cloud = _mix(top, (70, 72, 80), 0.4)
    else:
        cloud = _mix(low, (255, 255, 255), 0.6)
    canvas.paste(cloud, (0, 0, width, horizon), mask)
    return canvas


def _palm(draw, rng, x, ground, height, colour):
    """A sugar palm: a tall thin trunk and a round crown of fronds."""
    top = (x + rng.randint(-height // 14, height // 14), ground - height)
    draw.line([(x, ground), top], fill=colour, width=max(2, height // 40))
    radius = height // 5
    for _ in range(16):
        end = (top[0] + rng.uniform(-1, 1) * radius, top[1] + rng.uniform(-0.9, 0.4) * radius)
        draw.line([top, end], fill=colour, width=max(2, height // 34))
    draw.ellipse(
        [top[0] - radius // 2, top[1] - radius // 2, top[0] + radius // 2, top[1] + radius // 3],
        fill=colour,
    )


def _tree(draw, rng, x, ground, height, colour):
    trunk = _mix(colour, (48, 34, 24), 0.6)
    draw.line([(x, ground), (x, ground - height // 2)], fill=trunk, width=max(2, height // 16))
    for _ in range(6):
        radius = rng.randint(height // 5, height // 3)
        cx = x + rng.randint(-height // 4, height // 4)
        cy = ground - height + rng.randint(0, height // 3) + radius // 2
        shade = _vary(rng, colour, 10)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=shade)
        inner, lx, ly = radius * 2 // 3, cx - radius // 5, cy - radius // 4
        draw.ellipse(
            [lx - inner, ly - inner, lx + inner, ly + inner],
            fill=_mix(shade, (200, 220, 140), 0.18),
        )


def _paddies(draw, rng, size, horizon, green, sky):
    """Rice fields in perspective, some flooded and mirroring the sky."""
    width, height = size
    vanish = rng.randint(width // 4, width * 3 // 4)
    rows = [horizon + round((height - horizon) * (i / 9) ** 1.8) for i in range(10)]
    spokes = sorted(rng.randint(-width, 2 * width) for _ in range(rng.randint(5, 9)))
    spokes = [-3 * width, *spokes, 4 * width]
    dyke = _mix(green, MUD, 0.5)

    def along(spoke, y):
        return vanish + (spoke - vanish) * (y - horizon) / (height - horizon)

    for top, bottom in zip(rows, rows[1:], strict=False):
        for left, right in zip(spokes, spokes[1:], strict=False):
            if rng.random() < 0.12:
                colour = _vary(rng, _mix(_mix(*sky, 0.6), MUD, 0.2), 6)
            else:
                colour = _vary(rng, _mix(green, (200, 190, 90), rng.random() * 0.3), 10)
            corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
            draw.polygon([(along(s, y), y) for s, y in corners], fill=colour, outline=dyke)


def _river(canvas, draw, rng, horizon, green, low):
    width, height = canvas.size
    water = _gradient((width, height - horizon), _mix(low, MUD, 0.3), _mix(MUD, (60, 56, 44), 0.3))
    canvas.paste(water, (0, horizon))
    bank = _ridge(rng, width, horizon + 8, 6)
    draw.polygon([*bank, (width, horizon), (0, horizon)], fill=_mix(green, low, 0.5))
    for _ in range(70):
        y = rng.randint(horizon + 10, height)
        x = rng.randint(0, width)
        length = round(10 + 80 * (y - horizon) / (height - horizon))
        draw.line(
            [(x, y), (x + length, y)],
            fill=_mix(low, (255, 255, 255), 0.3),
            width=1 + (y - horizon) // 160,
        )
    # A wooden boat with its fisherman.
    bx, by = rng.randint(width // 6, width * 2 // 3), rng.randint(horizon + 60, height - 120)
    draw.polygon(
        [(bx, by), (bx + 260, by), (bx + 230, by + 22), (bx + 20, by + 22)], fill=(58, 40, 30)
    )
    draw.ellipse([bx + 170, by - 70, bx + 196, by - 44], fill=(40, 30, 26))
    draw.rectangle([bx + 168, by - 46, bx + 198, by], fill=rng.choice(list(SHIRTS.values())))
    draw.line([(bx + 190, by - 30), (bx + 100, by + 60)], fill=(70, 50, 30), width=4)


def landscape(rng, size=PHOTO_SIZE, kind="fields"):
    """Countryside under a sky: paddies, a river, a forest or a red dirt road."""
    width, height = size
    sky_name = rng.choice(list(SKIES))
    low = SKIES[sky_name][1]
    horizon = rng.randint(height * 40 // 100, height * 52 // 100)
    canvas = _sky(rng, size, horizon, sky_name)
    draw = ImageDraw.Draw(canvas)
    green = rng.choice(GREENS)
    layers = rng.randint(2, 4)
    for layer in range(layers):
        colour = _mix(_mix(green, (40, 70, 74), 0.4), low, 0.8 - layer * 0.5 / layers)
        base = horizon - (layers - layer) * rng.randint(8, 24)
        line = _ridge(rng, width, base, 36 - layer * 6)
        draw.polygon([*line, (width, height), (0, height)], fill=colour)
    dark = _mix(green, (10, 22, 16), 0.7)
    if kind == "river":
        _river(canvas, draw, rng, horizon, green, low)
        near = rng.choice([0, width])
        draw.polygon(
            [
                (near, height - rng.randint(180, 260)),
                (abs(near - rng.randint(260, 420)), height),
                (near, height),
            ],
            fill=_mix(green, dark, 0.3),
        )
    else:
        draw.rectangle([0, horizon, width, height], fill=green)
        _paddies(draw, rng, size, horizon, green, SKIES[sky_name])
        if kind == "road":
            centre = rng.randint(width // 3, width * 2 // 3)
            draw.polygon(
                [
                    (centre - 5, horizon),
                    (centre + 5, horizon),
                    (centre + 300, height),
                    (centre - 240, height),
                ],
                fill=(176, 92, 58),
            )
    if kind == "forest":
        for row in range(5):
            depth = row / 4
            colour = _mix(_mix(dark, green, 0.5), low, 0.55 - depth * 0.5)
            base = horizon + round(depth * (height - horizon) * 0.7)
            for _ in range(14):
                x = rng.randint(-40, width + 40)
                _tree(draw, rng, x, base, round(90 + depth * 280), colour)
        return canvas
    for _ in range(rng.randint(4, 11)):
        x = rng.randint(0, width)
        depth = rng.random() * 0.6
        if kind == "river":
            # Trees grow on the far bank, or on the near one.
            depth = rng.random() * 0.03
            if rng.random() < 0.35:
                x, depth = abs(near - rng.randint(0, 160)), 0.88
        base = horizon + round(depth * (height - horizon))
        tall = round(60 + depth * 380)
        colour = _mix(dark, low, max(0.0, 0.3 - depth * 0.4))
        if rng.random() < 0.3:
            _tree(draw, rng, x, base, tall, _mix(colour, green, 0.3))
        else:
            _palm(draw, rng, x, base, tall, colour)
    return canvas


def _pagoda(draw, rng, x, street, dusk):
    roof = (84, 44, 52) if dusk else (150, 64, 42)
    for tier in range(3):
        half = 130 - tier * 32
        y = street - 170 - tier * 42
        draw.polygon([(x - half, y + 52), (x + half, y + 52), (x, y - 8)], fill=_vary(rng, roof, 8))
    draw.polygon(
        [(x - 5, street - 262), (x + 5, street - 262), (x, street - 350)], fill=(206, 172, 84)
    )
    draw.rectangle([x - 96, street - 118, x + 96, street], fill=(222, 204, 164))


def _traffic(draw, rng, street, size, low):
    width, height = size
    for _ in range(rng.randint(6, 14)):
        x = rng.randint(-40, width)
        y = rng.randint(street + 8, height - 40)
        paint = rng.choice(list(SHIRTS.values()))
        if rng.random() < 0.5:
            draw.rounded_rectangle([x, y, x + 96, y + 36], radius=12, fill=paint)
            draw.rectangle([x + 18, y + 6, x + 78, y + 18], fill=_mix(low, (40, 40, 50), 0.5))
            wheels = (x + 10, x + 66)
        else:
            draw.ellipse([x + 16, y - 34, x + 36, y - 12], fill=(30, 26, 24))
            draw.rounded_rectangle([x + 12, y - 14, x + 40, y + 14], radius=8, fill=paint)
            draw.polygon(
                [(x, y + 10), (x + 58, y + 10), (x + 50, y + 26), (x + 6, y + 26)],
                fill=(50, 50, 56),
            )
            wheels = (x - 4, x + 40)
        for wheel in wheels:
            draw.ellipse([wheel, y + 24, wheel + 22, y + 46], fill=(20, 20, 20))


def city(rng, size=PHOTO_SIZE):
    """A street at the foot of city blocks, a pagoda roof among them."""
    width, height = size
    sky_name = rng.choice(["dusk", "morning", "overcast", "noon"])
    low = SKIES[sky_name][1]
    street = height * 3 // 4
    canvas = _sky(rng, size, street, sky_name)
    draw = ImageDraw.Draw(canvas)
    pagoda = rng.randint(width // 5, width * 4 // 5)
    for row, (haze, tallest) in enumerate([(0.55, 380), (0.28, 300), (0.06, 220)]):
        if row == 2:
            _pagoda(draw, rng, pagoda, street, sky_name == "dusk")
        x = -rng.randint(0, 60)
        base_colour = _mix((72, 72, 84), low, haze)
        while x < width:
            w = rng.randint(50, 140)
            if row == 2 and pagoda - 150 < x + w and x < pagoda + 150:
                x = pagoda + 150
                continue
            h = rng.randint(tallest // 3, tallest)
            colour = _vary(rng, base_colour, 10)
            draw.rectangle([x, street - h - row * 10, x + w, street], fill=colour)
            if row == 2:
                lit = _mix((255, 222, 142), colour, 0.2 if sky_name == "dusk" else 0.75)
                for wy in range(street - h + 12, street - 20, 22):
                    for wx in range(x + 8, x + w - 12, 18):
                        if rng.random() < 0.6:
                            draw.rectangle([wx, wy, wx + 8, wy + 11], fill=lit)
            x += w + rng.randint(0, 20)
    draw.rectangle([0, street, width, height], fill=(92, 90, 86))
    for lane in range(1, 3):
        y = street + lane * (height - street) // 3
        for x in range(rng.randint(0, 80), width, 160):
            draw.rectangle([x, y, x + 70, y + 4], fill=(210, 206, 190))
    _traffic(draw, rng, street, size, low)
    return canvas


def _person(draw, rng, cx, base, scale, shirt, *, sign=False, long_hair=None):
    """Head and shoulders of one person; ``base`` is where the chest leaves the frame."""
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    shadow = _mix(skin, (0, 0, 0), 0.12)
    head = round(34 * scale)
    shoulders = round(92 * scale)
    body_top = base - round(150 * scale)
    hy = body_top - round(head * 1.6)
    if long_hair if long_hair is not None else rng.random() < 0.5:
        draw.rounded_rectangle(
            [cx - head * 6 // 5, hy - head, cx + head * 6 // 5, body_top + head // 2],
            radius=head,
            fill=hair,
        )
    draw.rounded_rectangle(
        [cx - shoulders, body_top, cx + shoulders, base + round(220 * scale)],
        radius=round(46 * scale),
        fill=shirt,
    )
    draw.polygon(
        [(cx - head * 2 // 3, body_top), (cx + head * 2 // 3, body_top), (cx, body_top + head)],
        fill=shadow,
    )
    draw.rectangle(
        [cx - head // 2, body_top - head // 2 - 4, cx + head // 2, body_top + 4],
        fill=_mix(skin, (0, 0, 0), 0.15),
    )
    for side in (-1, 1):
        ex = cx + side * head
        draw.ellipse([ex - head // 5, hy - head // 4, ex + head // 5, hy + head // 3], fill=skin)
    face = [cx - head, hy - head, cx + head, hy + round(head * 1.25)]
    draw.ellipse(face, fill=skin)
    draw.chord(face, -70, 70, fill=shadow)
    crown = [cx - head - 2, hy - head - 5, cx + head + 2, hy + head // 2]
    draw.chord(crown, 180, 360, fill=hair)
    if sign:
        sx = cx + rng.randint(-shoulders, shoulders)
        sy = hy - round(200 * scale)
        w, h = round(150 * scale), round(100 * scale)
        draw.line(
            [(sx, sy + h), (sx, body_top)], fill=(112, 82, 52), width=max(2, round(5 * scale))
        )
        draw.rectangle([sx - w // 2, sy, sx + w // 2, sy + h], fill=(242, 238, 226))
        ink = rng.choice([(180, 32, 32), (30, 30, 30), (22, 62, 140)])
        for line in range(3):
            ly = sy + round((18 + line * 26) * scale)
            end = sx - w // 2 + 10 + rng.randint(w // 2, w - 20)
            draw.rectangle([sx - w // 2 + 10, ly, end, ly + max(2, round(10 * scale))], fill=ink)


def crowd(rng, size=PHOTO_SIZE):
    """People gathered in rows in front of a wall, some holding signs."""
    width, height = size
    canvas = _sky(rng, size, height, rng.choice(["noon", "morning", "overcast"]))
    draw = ImageDraw.Draw(canvas)
    wall = rng.choice([(212, 196, 160), (192, 190, 184), (226, 210, 180), (196, 170, 130)])
    wall_top = rng.randint(height // 6, height // 3)
    draw.rectangle([0, wall_top, width, height], fill=wall)
    for x in range(rng.randint(0, 100), width, rng.randint(140, 220)):
        draw.rectangle([x, wall_top + 40, x + 60, wall_top + 200], fill=_mix(wall, (60,) * 3, 0.45))
    draw.rectangle([0, wall_top, width, wall_top + 18], fill=_mix(wall, (120, 40, 30), 0.5))
    canvas = _soften(canvas, 6)
    shirts = list(SHIRTS.values())
    for row in range(4):
        draw = ImageDraw.Draw(canvas)
        scale = 0.45 + row * 0.32
        base = round(height * (0.5 + row * 0.14))
        x = -rng.randint(0, 60)
        while x < width + 60:
            shirt = _vary(rng, rng.choice(shirts))
            _person(draw, rng, x, base, scale, shirt, sign=rng.random() < 0.16)
            x += round(rng.randint(120, 200) * scale)
        if row < 2:
            # The rows behind are out of focus.
            canvas = _soften(canvas, 2)
    return canvas


def portrait(rng, size=PHOTO_SIZE, shirt="blue", long_hair=False):
    """One person from the chest up against a blurred background."""
    width, height = size
    backdrop = rng.choice([(92, 112, 90), (122, 102, 82), (72, 82, 112), (152, 142, 122)])
    small = _gradient((width // 8, height // 8), _mix(backdrop, (255,) * 3, 0.3), backdrop)
    draw = ImageDraw.Draw(small)
    for _ in range(26):
        radius = rng.randint(3, 10)
        x, y = rng.randint(0, small.width), rng.randint(0, small.height)
        light = _mix(backdrop, (255, 240, 200), rng.random())
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=_vary(rng, light, 20))
    canvas = small.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.BICUBIC)
    draw = ImageDraw.Draw(canvas)
    cx = rng.randint(width * 2 // 5, width * 3 // 5)
    _person(draw, rng, cx, height, 2.4, SHIRTS[shirt], long_hair=long_hair)
    if rng.random() < 0.6:
        mx = cx + rng.choice([-1, 1]) * rng.randint(60, 140)
        draw.line([(mx + 160, height), (mx, round(height * 0.66))], fill=(30, 30, 30), width=12)
        draw.rounded_rectangle(
            [mx - 22, round(height * 0.58), mx + 22, round(height * 0.69)],
            radius=18,
            fill=(46, 46, 52),
        )
    return canvas


def press_conference(rng, size=PHOTO_SIZE):
    """Speakers at a table of microphones under a banner, the audience in front."""
    width, height = size
    wall = rng.choice([(170, 42, 46), (42, 72, 130), (200, 190, 170), (62, 102, 82)])
    canvas = _gradient(size, _mix(wall, (0, 0, 0), 0.2), _mix(wall, (255,) * 3, 0.2))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([width // 8, height // 10, width * 7 // 8, height // 3], fill=(236, 236, 230))
    for line in range(2):
        y = height // 10 + 30 + line * 60
        end = width * 7 // 8 - 60 - rng.randint(0, 200)
        draw.rectangle([width // 8 + 60, y, end, y + 28], fill=_mix(wall, (0, 0, 0), 0.3))
    table = round(height * 0.68)
    speakers = rng.randint(1, 3)
    places = [round(width * (i + 1) / (speakers + 1)) for i in range(speakers)]
    for cx in places:
        _person(draw, rng, cx, table + 40, 1.3, rng.choice(list(SHIRTS.values())))
    cloth = rng.choice([(230, 230, 225), (150, 32, 40), (32, 62, 110)])
    draw.rectangle([0, table, width, height], fill=cloth)
    for cx in places:
        for offset in (-40, 0, 35):
            top = cx + offset // 2
            draw.line([(cx + offset, table), (top, table - 90)], fill=(30, 30, 30), width=6)
            draw.ellipse([top - 10, table - 105, top + 10, table - 80], fill=_vary(rng, (40,) * 3))
    heads = Image.new("L", (width // 4, height // 4), 0)
    outline = ImageDraw.Draw(heads)
    for _ in range(6):
        x = rng.randint(0, heads.width)
        outline.ellipse([x - 22, heads.height - 30, x + 22, heads.height + 38], fill=255)
    canvas.paste((26, 26, 30), (0, 0), heads.resize(size, Image.BICUBIC))
    return canvas


SCENES = {
    "fields": functools.partial(landscape, kind="fields"),
    "river": functools.partial(landscape, kind="river"),
    "forest": functools.partial(landscape, kind="forest"),
    "road": functools.partial(landscape, kind="road"),
    "city": city,
    "crowd": crowd,
    "portrait": portrait,
    "press": press_conference,
}


def render_photo(scene, seed, **options):
    """
    A JPEG of ``scene`` as bytes. Like a phone's picture, it carries a camera
    make and a GPS position, which the newsroom must strip on upload.
    """
    rng = random.Random(seed)
    image = SCENES[scene](rng, **options)
    image = ImageChops.overlay(image, _grain(image.size))
    image = ImageChops.multiply(image, _vignette(image.size))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Demo Camera Co."
    exif[ExifTags.Base.Model] = "DC-1"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (11.0, 33.0, 24.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (104.0, 55.0, 12.0),
    }
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85, exif=exif)
    return output.getvalue()
