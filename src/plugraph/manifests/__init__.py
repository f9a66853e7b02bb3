"""Plugin manifests: the model, loading from disk, and validation with located errors.

* :func:`load_manifest`, :func:`parse_manifest`, :func:`discover_manifests` read and
  validate manifests, raising :class:`ManifestInvalid` with every error at once.
* :func:`compile_entity_schema` and :func:`schema_errors` validate entities against a
  label's schema, with a JSON pointer per error.
* :func:`flatten` and :func:`unflatten` map entity documents to graph properties and
  back; :func:`stored_properties` lists the graph properties a label schema defines.
"""

from plugraph.manifests.entity_schema import CHECKED_FORMATS, compile_entity_schema, schema_errors
from plugraph.manifests.errors import ManifestInvalid
from plugraph.manifests.label_schema import StoredProperty, stored_properties
from plugraph.manifests.loader import discover_manifests, load_manifest, parse_manifest
from plugraph.manifests.model import Manifest
from plugraph.manifests.property_mapping import PATH_SEPARATOR, flatten, unflatten

__all__ = [
    "CHECKED_FORMATS",
    "PATH_SEPARATOR",
    "Manifest",
    "ManifestInvalid",
    "StoredProperty",
    "compile_entity_schema",
    "discover_manifests",
    "flatten",
    "load_manifest",
    "parse_manifest",
    "schema_errors",
    "stored_properties",
    "unflatten",
]
