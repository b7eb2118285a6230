"""The choices people and organizations are described with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    BANTEAY_MEANCHEY = "banteay-meanchey", _("Banteay Meanchey")
    BATTAMBANG = "battambang", _("Battambang")
    KAMPONG_CHAM = "kampong-cham", _("Kampong Cham")
    KAMPONG_CHHNANG = "kampong-chhnang", _("Kampong Chhnang")
    KAMPONG_SPEU = "kampong-speu", _("Kampong Speu")
    KAMPONG_THOM = "kampong-thom", _("Kampong Thom")
    KAMPOT = "kampot", _("Kampot")
    KANDAL = "kandal", _("Kandal")
    KEP = "kep", _("Kep")
    KOH_KONG = "koh-kong", _("Koh Kong")
    KRATIE = "kratie", _("Kratie")
    MONDULKIRI = "mondulkiri", _("Mondulkiri")
    ODDAR_MEANCHEY = "oddar-meanchey", _("Oddar Meanchey")
    PAILIN = "pailin", _("Pailin")
    PHNOM_PENH = "phnom-penh", _("Phnom Penh")
    PREAH_SIHANOUK = "preah-sihanouk", _("Preah Sihanouk")
    PREAH_VIHEAR = "preah-vihear", _("Preah Vihear")
    PREY_VENG = "prey-veng", _("Prey Veng")
    PURSAT = "pursat", _("Pursat")
    RATANAKIRI = "ratanakiri", _("Ratanakiri")
    SIEM_REAP = "siem-reap", _("Siem Reap")
    STUNG_TRENG = "stung-treng", _("Stung Treng")
    SVAY_RIENG = "svay-rieng", _("Svay Rieng")
    TAKEO = "takeo", _("Takeo")
    TBONG_KHMUM = "tbong-khmum", _("Tbong Khmum")
    ABROAD = "abroad", _("Outside Cambodia")


class Gender(models.TextChoices):
    FEMALE = "f", _("Woman")
    MALE = "m", _("Man")
    OTHER = "x", _("Another gender")


class OrganizationKind(models.TextChoices):
    NGO = "ngo", _("NGO or association")
    PARTY = "party", _("Political party")
    MINISTRY = "ministry", _("Ministry or government body")
    COURT = "court", _("Court")
    COMPANY = "company", _("Company")
    MEDIA = "media", _("Media outlet")
    UNION = "union", _("Trade union")
    INTERNATIONAL = "international", _("International organization")
    ACADEMIC = "academic", _("University or research institute")
    OTHER = "other", _("Other")
