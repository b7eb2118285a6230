"""Places: the countryside (paddies, a river, a forest, a red dirt road) and a city street."""

from .drawing import FRAME, GREENS, MUD, SHIRTS, SKIES, Pen, gradient, mix, ridge, sky, vary


def _palm(pen, rng, x, ground, height, colour):
    """A sugar palm: a tall thin trunk and a round crown of fronds."""
    top = (x + rng.randint(-height // 14, height // 14), ground - height)
    pen.line([(x, ground), top], fill=colour, width=max(2, height // 40))
    radius = height // 5
    for _ in range(16):
        end = (top[0] + rng.uniform(-1, 1) * radius, top[1] + rng.uniform(-0.9, 0.4) * radius)
        pen.line([top, end], fill=colour, width=max(2, height // 34))
    pen.ellipse(
        [top[0] - radius // 2, top[1] - radius // 2, top[0] + radius // 2, top[1] + radius // 3],
        fill=colour,
    )


def _tree(pen, rng, x, ground, height, colour):
    trunk = mix(colour, (48, 34, 24), 0.6)
    pen.line([(x, ground), (x, ground - height // 2)], fill=trunk, width=max(2, height // 16))
    for _ in range(6):
        radius = rng.randint(height // 5, height // 3)
        cx = x + rng.randint(-height // 4, height // 4)
        cy = ground - height + rng.randint(0, height // 3) + radius // 2
        shade = vary(rng, colour, 10)
        pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=shade)
        inner, lx, ly = radius * 2 // 3, cx - radius // 5, cy - radius // 4
        pen.ellipse(
            [lx - inner, ly - inner, lx + inner, ly + inner],
            fill=mix(shade, (200, 220, 140), 0.18),
        )


def _paddies(pen, rng, horizon, green, sky_colours):
    """Rice fields in perspective, some flooded and mirroring the sky."""
    width, height = FRAME
    vanish = rng.randint(width // 4, width * 3 // 4)
    rows = [horizon + round((height - horizon) * (i / 9) ** 1.8) for i in range(10)]
    spokes = sorted(rng.randint(-width, 2 * width) for _ in range(rng.randint(5, 9)))
    spokes = [-3 * width, *spokes, 4 * width]
    dyke = mix(green, MUD, 0.5)

    def along(spoke, y):
        return vanish + (spoke - vanish) * (y - horizon) / (height - horizon)

    for top, bottom in zip(rows, rows[1:], strict=False):
        for left, right in zip(spokes, spokes[1:], strict=False):
            if rng.random() < 0.12:
                colour = vary(rng, mix(mix(*sky_colours, 0.6), MUD, 0.2), 6)
            else:
                colour = vary(rng, mix(green, (200, 190, 90), rng.random() * 0.3), 10)
            corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
            pen.polygon([(along(s, y), y) for s, y in corners], fill=colour, outline=dyke)


def _river(canvas, pen, rng, horizon, green, low):
    width, height = FRAME
    top = pen.y(horizon)
    water = gradient(
        (canvas.width, max(1, canvas.height - top)),
        mix(low, MUD, 0.3),
        mix(MUD, (60, 56, 44), 0.3),
    )
    canvas.paste(water, (0, top))
    bank = ridge(rng, width, horizon + 8, 6)
    pen.polygon([*bank, (width, horizon), (0, horizon)], fill=mix(green, low, 0.5))
    for _ in range(70):
        y = rng.randint(horizon + 10, height)
        x = rng.randint(0, width)
        length = round(10 + 80 * (y - horizon) / (height - horizon))
        pen.line(
            [(x, y), (x + length, y)],
            fill=mix(low, (255, 255, 255), 0.3),
            width=1 + (y - horizon) // 160,
        )
    # A wooden boat with its fisherman.
    bx, by = rng.randint(width // 6, width * 2 // 3), rng.randint(horizon + 60, height - 120)
    pen.polygon(
        [(bx, by), (bx + 260, by), (bx + 230, by + 22), (bx + 20, by + 22)], fill=(58, 40, 30)
    )
    pen.ellipse([bx + 170, by - 70, bx + 196, by - 44], fill=(40, 30, 26))
    pen.rectangle([bx + 168, by - 46, bx + 198, by], fill=rng.choice(list(SHIRTS.values())))
    pen.line([(bx + 190, by - 30), (bx + 100, by + 60)], fill=(70, 50, 30), width=4)


def landscape(rng, size=FRAME, kind="fields"):
    """Countryside under a sky: paddies, a river, a forest or a red dirt road."""
    width, height = FRAME
    sky_name = rng.choice(list(SKIES))
    low = SKIES[sky_name][1]
    horizon = rng.randint(height * 40 // 100, height * 52 // 100)
    canvas = sky(rng, size, horizon, sky_name)
    pen = Pen(canvas)
    green = rng.choice(GREENS)
    layers = rng.randint(2, 4)
    for layer in range(layers):
        colour = mix(mix(green, (40, 70, 74), 0.4), low, 0.8 - layer * 0.5 / layers)
        base = horizon - (layers - layer) * rng.randint(8, 24)
        line = ridge(rng, width, base, 36 - layer * 6)
        pen.polygon([*line, (width, height), (0, height)], fill=colour)
    dark = mix(green, (10, 22, 16), 0.7)
    if kind == "river":
        _river(canvas, pen, rng, horizon, green, low)
        near = rng.choice([0, width])
        pen.polygon(
            [
                (near, height - rng.randint(180, 260)),
                (abs(near - rng.randint(260, 420)), height),
                (near, height),
            ],
            fill=mix(green, dark, 0.3),
        )
    else:
        pen.rectangle([0, horizon, width, height], fill=green)
        _paddies(pen, rng, horizon, green, SKIES[sky_name])
        if kind == "road":
            centre = rng.randint(width // 3, width * 2 // 3)
            pen.polygon(
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
            colour = mix(mix(dark, green, 0.5), low, 0.55 - depth * 0.5)
            base = horizon + round(depth * (height - horizon) * 0.7)
            for _ in range(14):
                x = rng.randint(-40, width + 40)
                _tree(pen, rng, x, base, round(90 + depth * 280), colour)
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
        colour = mix(dark, low, max(0.0, 0.3 - depth * 0.4))
        if rng.random() < 0.3:
            _tree(pen, rng, x, base, tall, mix(colour, green, 0.3))
        else:
            _palm(pen, rng, x, base, tall, colour)
    return canvas


def _pagoda(pen, rng, x, street, dusk):
    roof = (84, 44, 52) if dusk else (150, 64, 42)
    for tier in range(3):
        half = 130 - tier * 32
        y = street - 170 - tier * 42
        pen.polygon([(x - half, y + 52), (x + half, y + 52), (x, y - 8)], fill=vary(rng, roof, 8))
    pen.polygon(
        [(x - 5, street - 262), (x + 5, street - 262), (x, street - 350)], fill=(206, 172, 84)
    )
    pen.rectangle([x - 96, street - 118, x + 96, street], fill=(222, 204, 164))


def _traffic(pen, rng, street, low):
    width, height = FRAME
    for _ in range(rng.randint(6, 14)):
        x = rng.randint(-40, width)
        y = rng.randint(street + 8, height - 40)
        paint = rng.choice(list(SHIRTS.values()))
        if rng.random() < 0.5:
            pen.rounded_rectangle([x, y, x + 96, y + 36], radius=12, fill=paint)
            pen.rectangle([x + 18, y + 6, x + 78, y + 18], fill=mix(low, (40, 40, 50), 0.5))
            wheels = (x + 10, x + 66)
        else:
            pen.ellipse([x + 16, y - 34, x + 36, y - 12], fill=(30, 26, 24))
            pen.rounded_rectangle([x + 12, y - 14, x + 40, y + 14], radius=8, fill=paint)
            pen.polygon(
                [(x, y + 10), (x + 58, y + 10), (x + 50, y + 26), (x + 6, y + 26)],
                fill=(50, 50, 56),
            )
            wheels = (x - 4, x + 40)
        for wheel in wheels:
            pen.ellipse([wheel, y + 24, wheel + 22, y + 46], fill=(20, 20, 20))


def city(rng, size=FRAME):
    """A street at the foot of city blocks, a pagoda roof among them."""
    width, height = FRAME
    sky_name = rng.choice(["dusk", "morning", "overcast", "noon"])
    low = SKIES[sky_name][1]
    street = height * 3 // 4
    canvas = sky(rng, size, street, sky_name)
    pen = Pen(canvas)
    pagoda = rng.randint(width // 5, width * 4 // 5)
    for row, (haze, tallest) in enumerate([(0.55, 380), (0.28, 300), (0.06, 220)]):
        if row == 2:
            _pagoda(pen, rng, pagoda, street, sky_name == "dusk")
        x = -rng.randint(0, 60)
        base_colour = mix((72, 72, 84), low, haze)
        while x < width:
            w = rng.randint(50, 140)
            if row == 2 and pagoda - 150 < x + w and x < pagoda + 150:
                x = pagoda + 150
                continue
            h = rng.randint(tallest // 3, tallest)
            colour = vary(rng, base_colour, 10)
            pen.rectangle([x, street - h - row * 10, x + w, street], fill=colour)
            if row == 2:
                lit = mix((255, 222, 142), colour, 0.2 if sky_name == "dusk" else 0.75)
                for wy in range(street - h + 12, street - 20, 22):
                    for wx in range(x + 8, x + w - 12, 18):
                        if rng.random() < 0.6:
                            pen.rectangle([wx, wy, wx + 8, wy + 11], fill=lit)
            x += w + rng.randint(0, 20)
    pen.rectangle([0, street, width, height], fill=(92, 90, 86))
    for lane in range(1, 3):
        y = street + lane * (height - street) // 3
        for x in range(rng.randint(0, 80), width, 160):
            pen.rectangle([x, y, x + 70, y + 4], fill=(210, 206, 190))
    _traffic(pen, rng, street, low)
    return canvas
