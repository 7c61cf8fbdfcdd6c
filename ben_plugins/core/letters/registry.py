"""The letters declared by installed models (class attribute ``letters``)."""

from django.apps import apps

from .declarations import Letter


def letters_of(model) -> list[Letter]:
    return [letter for letter in getattr(model, "letters", ()) if isinstance(letter, Letter)]


def all_letters() -> dict[str, Letter]:
    return {letter.key: letter for model in apps.get_models() for letter in letters_of(model)}


def letter_choices() -> list[tuple[str, str]]:
    return sorted((key, letter.title) for key, letter in all_letters().items())
