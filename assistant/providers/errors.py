"""Provider errors, in a module of their own so that interfaces can catch them without importing
the providers (llama-index, Chroma) themselves."""


class ProviderError(RuntimeError):
    """A provider that cannot be built (unknown name, missing optional package); French message."""


class VectorStoreError(RuntimeError):
    """The vector store cannot be opened or used; French message."""
