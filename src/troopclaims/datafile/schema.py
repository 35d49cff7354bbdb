"""The data file's JSON Schema (draft 2020-12), for editors and other tools."""

from __future__ import annotations

import json
from pydantic_core import CoreSchema
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode

from .model import DataFile


class _WithDialect(GenerateJsonSchema):
    # pydantic leaves out "$schema"; editors need it to pick the right draft.
    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        result = super().generate(schema, mode=mode)
        return {"$schema": self.schema_dialect, **result}


def data_file_schema() -> str:
    schema = DataFile.model_json_schema(schema_generator=_WithDialect)
    schema["title"] = "troopclaims data file"
    return json.dumps(schema, indent=2)
