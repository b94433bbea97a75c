"""Model providers: one Protocol (`base.Provider`), one file per provider family."""
