"""Which records have expired under their model's retention rules, and ending them."""

from dataclasses import dataclass

from ben_plugins.core.plugins import plugin_for_model

from .declarations import Retention, declared_models
from .erasure import anonymise_records, delete_records, not_yet_anonymised


def plugin_label(model) -> str | None:
    plugin = plugin_for_model(model)
    return plugin.label if plugin else None


@dataclass
class Expiry:
    """The records of one model that one rule lets expire."""

    model: type
    rule: Retention
    pks: list

    def describe(self) -> str:
        return self.rule.describe(self.model, plugin_label(self.model))

    def apply(self) -> None:
        if self.rule.action == "delete":
            delete_records(self.model, self.pks)
        else:
            anonymise_records(self.model, self.pks)


def expired(now) -> list[Expiry]:
    """Every rule's expired records at ``now``; a record due under two rules counts once."""
    found = []
    for model in declared_models():
        label = plugin_label(model)
        taken = set()
        for rule in model.personal_data.rules:
            queryset = rule.expired(model._base_manager.all(), now, label)
            if rule.action == "anonymise":
                queryset = not_yet_anonymised(model, queryset)
            pks = queryset.order_by("pk").values_list("pk", flat=True)
            pks = [pk for pk in pks if pk not in taken]
            taken.update(pks)
            if pks:
                found.append(Expiry(model, rule, pks))
    return found
