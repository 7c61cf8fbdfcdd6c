"""Plugin "feeds": iCalendar, JSON-LD, GeoJSON and RSS/Atom views of the live content."""
