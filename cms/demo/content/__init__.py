"""The seed content of the Bitburger Engagement Netz as plain data, one module per section.

The texts come from the two seed documents (the network's self-description and the
"Engagementstrategie für Bitburg", Stand 20.06.2020). Addresses, coordinates, contact
details, dates and weekdays of events are INVENTED DEMO DATA: plausible values around
Bitburg (54634, about 50.0 N / 6.5 E), not facts. Kept in code rather than read from the
seed files, so that a fresh clone can load them without the seeds at hand.
"""
