"""Generated club logos for the demo: the club's initials on a colour, drawn with Pillow at
load time. They are plainly generated (no invented photos or marks of real clubs) and give
the demo images, so renditions show up in the API and on the public site."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

LOGO_COLLECTION = "Vereinslogos (generiert)"
LOGO_SIZE = 256
#: Dark backgrounds: white initials on each have a contrast above 4.5:1.
PALETTE = ["#00558a", "#7a2e8e", "#9a3412", "#166534", "#1e3a8a", "#86198f", "#0f5e5e", "#5b4636"]
#: Words that carry no initial (legal forms, articles).
SKIPPED_WORDS = {"e.v.", "e. v.", "der", "die", "das", "des", "für", "und", "im", "in", "von"}


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in SKIPPED_WORDS]
    letters = [word[0] for word in words if word[0].isalnum()]
    return "".join(letters[:2]).upper() or "?"


def draw_logo(name: str, key: str) -> bytes:
    """PNG bytes; the colour follows from the key, so a reload draws the same logo."""
    colour = PALETTE[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(PALETTE)]
    canvas = PillowImage.new("RGB", (LOGO_SIZE, LOGO_SIZE), colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=LOGO_SIZE * 2 // 5)
    centre = LOGO_SIZE / 2
    draw.text((centre, centre), initials(name), fill="#ffffff", font=font, anchor="mm")
    output = BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()


def logo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=LOGO_COLLECTION).first()
    return existing or root.add_child(name=LOGO_COLLECTION)


def logo_title(name: str) -> str:
    return f"Logo (generiert): {name}"


def generated_logo(name: str, key: str):
    """The club's generated logo image, created on the first load and found on every later
    one (by its title in the logo collection)."""
    image_model = get_image_model()
    collection = logo_collection()
    title = logo_title(name)
    image = image_model.objects.filter(collection=collection, title=title).first()
    if image is None:
        image = image_model(title=title, collection=collection)
        image.file = ImageFile(BytesIO(draw_logo(name, key)), name=f"logo-{key}.png")
        image.save()
    return image
