"""Real image files built with Pillow (and pillow-heif): what cameras, phones and attackers send."""

import io
import struct
import zlib

import pillow_heif
from PIL import ExifTags, Image, PngImagePlugin

SECRETS = (
    b"Exif\x00\x00",
    b"http://ns.adobe.com/xap",
    b"GPS",
    b"SN-0042",
    b"PhoneMaker",
    b"Owner Name",
    b"safe house",
    b"Kampong Speu Safehouse",
    b"MAKERNOTE-SECRET",
    b"8BIM",
    b"Photoshop 3.0",
)


def two_halves(size, left=(255, 0, 0), right=(0, 0, 255)):
    """Left half ``left``, right half ``right``: orientation and crops show in the pixels."""
    image = Image.new("RGB", size, left)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


def camera_exif(orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = "Owner Name Sokha"
    exif[ExifTags.Base.DateTime] = "2026:07:08 10:00:00"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.BodySerialNumber] = "SN-0042-SAFEHOUSE"
    details[ExifTags.Base.DateTimeOriginal] = "2026:07:07 09:30:00"
    details[ExifTags.Base.MakerNote] = b"MAKERNOTE-SECRET"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (11.0, 33.0, 45.12)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (104.0, 55.0, 1.0)
    return exif


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    b'exif:GPSLatitude="11,33.75N" photoshop:City="Kampong Speu Safehouse"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def _iptc_segment():
    """A JPEG APP13 segment with an IPTC City and By-line, as newsroom software writes."""

    def dataset(number, value):
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value

    iptc = dataset(90, b"Kampong Speu Safehouse") + dataset(80, b"Owner Name Sokha")
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    if len(iptc) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def camera_jpeg(orientation=1, size=(60, 40)):
    """
    A JPEG as a phone writes it: GPS position, camera serial, owner, maker note,
    XMP with a city, an IPTC block, a comment, and an orientation tag.
    """
    output = io.BytesIO()
    two_halves(size).save(
        output,
        "JPEG",
        exif=camera_exif(orientation),
        xmp=XMP,
        comment=b"taken at the safe house",
    )
    data = output.getvalue()
    data = data[:2] + _iptc_segment() + data[2:]
    for marker in (
        b"SN-0042-SAFEHOUSE",
        b"GPSLatitude",
        b"Kampong Speu Safehouse",
        b"MAKERNOTE-SECRET",
    ):
        assert marker in data
    return data


def camera_png(size=(30, 20)):
    """A PNG with an eXIf chunk and XMP and comments in tEXt, iTXt and zTXt chunks."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    info.add_text("Comment", "taken at the safe house")
    info.add_text("Author", "Owner Name Sokha", zip=True)
    output = io.BytesIO()
    Image.new("RGBA", size, (10, 200, 30, 255)).save(
        output, "PNG", pnginfo=info, exif=camera_exif()
    )
    return output.getvalue()


def camera_webp(size=(30, 20)):
    output = io.BytesIO()
    two_halves(size).save(output, "WEBP", exif=camera_exif(), xmp=XMP)
    assert b"PhoneMaker" in output.getvalue()
    return output.getvalue()


def camera_heic(orientation=1, size=(64, 48)):
    """An iPhone-style HEIC with EXIF (GPS, serial) and XMP."""
    pillow_heif.register_heif_opener()
    output = io.BytesIO()
    two_halves(size).save(
        output, "HEIF", exif=camera_exif(orientation).tobytes(), xmp=XMP, quality=90
    )
    return output.getvalue()


def png_chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_declaring(width, height):
    """A PNG of a few bytes whose header declares ``width`` × ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + png_chunk(b"IEND", b"")
    )


def encoded(image, image_format, **options):
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def animated_webp(size=(20, 20), frames=2):
    images = [Image.new("RGB", size, (40 * n % 256, 0, 0)) for n in range(frames)]
    return encoded(images[0], "WEBP", save_all=True, append_images=images[1:])


EPS = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
    b"newpath 0 0 moveto 10 10 lineto stroke\nshowpage\n%%EOF\n"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PSD = b"8BPS\x00\x01" + b"\x00" * 6 + b"\x00\x03\x00\x00\x00\x10\x00\x00\x00\x10\x00\x08\x00\x03"
FITS = b"SIMPLE  =                    T" + b" " * 50 + b"BITPIX  =                    8"


def polyglot_png():
    """A valid PNG with an HTML page after its end (Django's security docs)."""
    return encoded(Image.new("RGB", (20, 20), "green"), "PNG") + HTML
