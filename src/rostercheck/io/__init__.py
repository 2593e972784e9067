"""Reading tables of any shape the bureaus get, and writing reports."""
