#!/usr/bin/env python3
"""Describes Parquet files as pyarrow reads them, as one JSON document on
stdout, for the tests (Tests/TestSupport/PythonReaders.swift):

    parquet-describe.py FILE [--no-rows]

schema (arrow and parquet types), row groups with per-column statistics,
encodings and codec, and the rows themselves. Every value is text or null:
booleans true/false, floats as repr, dates as days since 1970-01-01,
timestamps as microseconds since the epoch (UTC), decimals as their text,
UUIDs and bytes as hex, so the Swift side compares exact values.
"""
import datetime
import decimal
import json
import sys
import uuid

import pyarrow.parquet as pq

EPOCH = datetime.datetime(1970, 1, 1)


def plain(v):
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return str((v - EPOCH) // datetime.timedelta(microseconds=1))
    if isinstance(v, datetime.date):
        return str((v - datetime.date(1970, 1, 1)).days)
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


def main():
    path = sys.argv[1]
    f = pq.ParquetFile(path)
    md = f.metadata
    out = {
        "created_by": md.created_by,
        "num_rows": md.num_rows,
        "arrow": [{"name": fld.name, "type": str(fld.type), "nullable": fld.nullable} for fld in f.schema_arrow],
        "parquet": [],
        "row_groups": [],
    }
    for i in range(md.num_columns):
        c = f.schema.column(i)
        out["parquet"].append({"name": c.name, "physical": c.physical_type, "logical": str(c.logical_type),
                               "converted": c.converted_type, "max_definition_level": c.max_definition_level})
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        cols = []
        for i in range(rg.num_columns):
            c = rg.column(i)
            s = c.statistics
            cols.append({
                "min": plain(s.min) if s is not None and s.has_min_max else None,
                "max": plain(s.max) if s is not None and s.has_min_max else None,
                "nulls": s.null_count if s is not None else None,
                "values": c.num_values,
                "encodings": list(c.encodings),
                "compression": c.compression,
                "dictionary": c.has_dictionary_page,
            })
        out["row_groups"].append({"rows": rg.num_rows, "columns": cols})
    if "--no-rows" not in sys.argv:
        table = f.read()
        out["rows"] = [[plain(v) for v in row.values()] for row in table.to_pylist()]
    json.dump(out, sys.stdout)


main()
