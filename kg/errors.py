"""The exceptions kg raises; the CLI turns each into one readable line."""
from __future__ import annotations


class KgError(Exception):
    """Base class for every error kg reports to a user."""


class InputError(KgError):
    """An input path or record cannot be read."""


class ModelError(KgError):
    """A spaCy pipeline cannot be loaded."""


class OutputError(KgError):
    """An output file cannot be written."""


class QueryError(KgError):
    """A SPARQL query cannot run: a syntax error, an UPDATE, a missing binding or an unknown name."""


class ValidationError(KgError):
    """A graph does not conform to the kg SHACL shapes, or the shapes cannot be evaluated."""


class RemoteError(KgError):
    """A SPARQL endpoint cannot be reached, refuses the credentials, or keeps failing."""
