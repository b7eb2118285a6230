"""People: a crowd before a wall, a portrait, a press conference."""

from PIL import Image, ImageDraw, ImageFilter

from .drawing import FRAME, HAIR, SHIRTS, SKIN, Pen, gradient, mix, sky, soften, vary


def _person(pen, rng, cx, base, scale, shirt, *, sign=False, long_hair=None):
    """Head and shoulders of one person; ``base`` is where the chest leaves the frame."""
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    shadow = mix(skin, (0, 0, 0), 0.12)
    head = round(34 * scale)
    shoulders = round(92 * scale)
    body_top = base - round(150 * scale)
    hy = body_top - round(head * 1.6)
    if long_hair if long_hair is not None else rng.random() < 0.5:
        pen.rounded_rectangle(
            [cx - head * 6 // 5, hy - head, cx + head * 6 // 5, body_top + head // 2],
            radius=head,
            fill=hair,
        )
    pen.rounded_rectangle(
        [cx - shoulders, body_top, cx + shoulders, base + round(220 * scale)],
        radius=round(46 * scale),
        fill=shirt,
    )
    pen.polygon(
        [(cx - head * 2 // 3, body_top), (cx + head * 2 // 3, body_top), (cx, body_top + head)],
        fill=shadow,
    )
    pen.rectangle(
        [cx - head // 2, body_top - head // 2 - 4, cx + head // 2, body_top + 4],
        fill=mix(skin, (0, 0, 0), 0.15),
    )
    for side in (-1, 1):
        ex = cx + side * head
        pen.ellipse([ex - head // 5, hy - head // 4, ex + head // 5, hy + head // 3], fill=skin)
    face = [cx - head, hy - head, cx + head, hy + round(head * 1.25)]
    pen.ellipse(face, fill=skin)
    pen.chord(face, -70, 70, fill=shadow)
    crown = [cx - head - 2, hy - head - 5, cx + head + 2, hy + head // 2]
    pen.chord(crown, 180, 360, fill=hair)
    if sign:
        sx = cx + rng.randint(-shoulders, shoulders)
        sy = hy - round(200 * scale)
        w, h = round(150 * scale), round(100 * scale)
        pen.line([(sx, sy + h), (sx, body_top)], fill=(112, 82, 52), width=max(2, round(5 * scale)))
        pen.rectangle([sx - w // 2, sy, sx + w // 2, sy + h], fill=(242, 238, 226))
        ink = rng.choice([(180, 32, 32), (30, 30, 30), (22, 62, 140)])
        for line in range(3):
            ly = sy + round((18 + line * 26) * scale)
            end = sx - w // 2 + 10 + rng.randint(w // 2, w - 20)
            pen.rectangle([sx - w // 2 + 10, ly, end, ly + max(2, round(10 * scale))], fill=ink)


def crowd(rng, size=FRAME):
    """People gathered in rows in front of a wall, some holding signs."""
    width, height = FRAME
    canvas = sky(rng, size, height, rng.choice(["noon", "morning", "overcast"]))
    pen = Pen(canvas)
    wall = rng.choice([(212, 196, 160), (192, 190, 184), (226, 210, 180), (196, 170, 130)])
    wall_top = rng.randint(height // 6, height // 3)
    pen.rectangle([0, wall_top, width, height], fill=wall)
    for x in range(rng.randint(0, 100), width, rng.randint(140, 220)):
        pen.rectangle([x, wall_top + 40, x + 60, wall_top + 200], fill=mix(wall, (60,) * 3, 0.45))
    pen.rectangle([0, wall_top, width, wall_top + 18], fill=mix(wall, (120, 40, 30), 0.5))
    canvas = soften(canvas, 6)
    shirts = list(SHIRTS.values())
    for row in range(4):
        pen = Pen(canvas)
        scale = 0.45 + row * 0.32
        base = round(height * (0.5 + row * 0.14))
        x = -rng.randint(0, 60)
        while x < width + 60:
            shirt = vary(rng, rng.choice(shirts))
            _person(pen, rng, x, base, scale, shirt, sign=rng.random() < 0.16)
            x += round(rng.randint(120, 200) * scale)
        if row < 2:
            # The rows behind are out of focus.
            canvas = soften(canvas, 2)
    return canvas


def portrait(rng, size=FRAME, shirt="blue", long_hair=False):
    """One person from the chest up against a blurred background."""
    width, height = FRAME
    backdrop = rng.choice([(92, 112, 90), (122, 102, 82), (72, 82, 112), (152, 142, 122)])
    small = gradient((width // 8, height // 8), mix(backdrop, (255,) * 3, 0.3), backdrop)
    draw = ImageDraw.Draw(small)
    for _ in range(26):
        radius = rng.randint(3, 10)
        x, y = rng.randint(0, small.width), rng.randint(0, small.height)
        light = mix(backdrop, (255, 240, 200), rng.random())
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=vary(rng, light, 20))
    canvas = small.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.BICUBIC)
    pen = Pen(canvas)
    cx = rng.randint(width * 2 // 5, width * 3 // 5)
    _person(pen, rng, cx, height, 2.4, SHIRTS[shirt], long_hair=long_hair)
    if rng.random() < 0.6:
        mx = cx + rng.choice([-1, 1]) * rng.randint(60, 140)
        pen.line([(mx + 160, height), (mx, round(height * 0.66))], fill=(30, 30, 30), width=12)
        pen.rounded_rectangle(
            [mx - 22, round(height * 0.58), mx + 22, round(height * 0.69)],
            radius=18,
            fill=(46, 46, 52),
        )
    return canvas


def press_conference(rng, size=FRAME):
    """Speakers at a table of microphones under a banner, the audience in front."""
    width, height = FRAME
    wall = rng.choice([(170, 42, 46), (42, 72, 130), (200, 190, 170), (62, 102, 82)])
    canvas = gradient(size, mix(wall, (0, 0, 0), 0.2), mix(wall, (255,) * 3, 0.2))
    pen = Pen(canvas)
    pen.rectangle([width // 8, height // 10, width * 7 // 8, height // 3], fill=(236, 236, 230))
    for line in range(2):
        y = height // 10 + 30 + line * 60
        end = width * 7 // 8 - 60 - rng.randint(0, 200)
        pen.rectangle([width // 8 + 60, y, end, y + 28], fill=mix(wall, (0, 0, 0), 0.3))
    table = round(height * 0.68)
    speakers = rng.randint(1, 3)
    places = [round(width * (i + 1) / (speakers + 1)) for i in range(speakers)]
    for cx in places:
        _person(pen, rng, cx, table + 40, 1.3, rng.choice(list(SHIRTS.values())))
    cloth = rng.choice([(230, 230, 225), (150, 32, 40), (32, 62, 110)])
    pen.rectangle([0, table, width, height], fill=cloth)
    for cx in places:
        for offset in (-40, 0, 35):
            top = cx + offset // 2
            pen.line([(cx + offset, table), (top, table - 90)], fill=(30, 30, 30), width=6)
            pen.ellipse([top - 10, table - 105, top + 10, table - 80], fill=vary(rng, (40,) * 3))
    heads = Image.new("L", (width // 4, height // 4), 0)
    outline = ImageDraw.Draw(heads)
    for _ in range(6):
        x = rng.randint(0, heads.width)
        outline.ellipse([x - 22, heads.height - 30, x + 22, heads.height + 38], fill=255)
    canvas.paste((26, 26, 30), (0, 0), heads.resize(size, Image.BICUBIC))
    return canvas
