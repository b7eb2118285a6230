"""
``{% picture photograph sizes="…" loading="lazy" %}``: a responsive <img> for
public pages, with width and height set so nothing jumps as it loads.
"""

from django import template

register = template.Library()


@register.inclusion_tag("media/picture.html")
def picture(photograph, sizes="100vw", loading="lazy", css_class=""):
    return {
        "photograph": photograph,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
    }
