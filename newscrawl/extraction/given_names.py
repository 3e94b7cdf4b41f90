"""Given names (Faker's person data, Latin-script locales): does a byline that names the site read as a person?"""

from __future__ import annotations

import importlib
from functools import lru_cache

# Locales whose given names are written in Latin script, as bylines on these sites are.
LOCALES = ("en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX", "it_IT",
           "nl_NL", "pt_BR", "pt_PT", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI", "cs_CZ", "hu_HU", "ro_RO",
           "tr_TR", "ga_IE")
_FIELDS = ("first_names", "first_names_male", "first_names_female")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names; loaded once, on the first byline that needs them (~0.4 s)."""
    found: set[str] = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue  # a Faker release without this locale: the others still count
        for field in _FIELDS:
            values = next((base.__dict__[field] for base in provider.__mro__ if field in base.__dict__), ())
            if isinstance(values, (tuple, list, dict, set, frozenset)):
                found.update(value.lower() for value in values if isinstance(value, str))
    return frozenset(found)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()
