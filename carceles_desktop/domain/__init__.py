"""The domain: typed models, enums and pure rules. No Qt, no I/O."""
