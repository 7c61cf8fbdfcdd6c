"""Built-in plugin „Ehrenamtskarte“: the Ehrenamtskarte Rheinland-Pfalz from the first question
(am I eligible?) through application, organisation confirmation and the city office's inbox to
the renewal reminder; plus CSV import and export of the benefit partners."""
