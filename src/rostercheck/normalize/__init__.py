"""Pure normalisers for ID numbers, names, dates and other cell values."""
