"""Scores synthetic copies with sdmetrics, and makes SDV's for comparison.

Run by Benchmarks/fidelity.sh:
  fidelity.py hma DIR      HMASynthesizer on the largest subset of DIR/real it accepts -> DIR/hma/
  fidelity.py copula DIR   GaussianCopulaSynthesizer per table of DIR/real -> DIR/copula/
  fidelity.py score DIR    sdmetrics' multi-table QualityReport of each output against DIR/real
DIR/real/*.csv and DIR/dbsynth/*.csv are the tables as CSV; DIR/real/schema.json is
`dbsynth inspect --json` of the source (keys and foreign keys for SDV's metadata).
"""
import json
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import pandas as pd  # noqa: E402
from sdv.metadata import Metadata  # noqa: E402

MAX_TABLES, MAX_DEPTH = 5, 2  # what SDV's public HMASynthesizer accepts (depth counts tables: parent, child)


def load(folder, names):
    data = {}
    for name in names:
        path = os.path.join(folder, name + ".csv")
        if os.path.exists(path):
            data[name] = pd.read_csv(path, low_memory=False)
    return data


def schema(d):
    with open(os.path.join(d, "real", "schema.json")) as f:
        return json.load(f)["tables"]


def metadata_for(data, tables):
    """Metadata detected from the frames, with keys and relationships from the schema."""
    meta = Metadata.detect_from_dataframes(data)
    for rel in list(meta.relationships):
        meta.remove_relationship(rel["parent_table_name"], rel["child_table_name"])
    by_name = {t["name"]: t for t in tables}
    for name in data:
        t = by_name[name]
        table_meta = meta.tables[name]
        if table_meta.primary_key and table_meta.primary_key not in t["primary_key"][:1]:
            meta.remove_primary_key(table_name=name)
        if len(t["primary_key"]) == 1:
            meta.update_column(table_name=name, column_name=t["primary_key"][0], sdtype="id")
            meta.set_primary_key(column_name=t["primary_key"][0], table_name=name)
    for t in tables:
        if t["name"] not in data:
            continue
        for fk in t["foreign_keys"]:
            parent, pcols = fk["references_table"], fk["references_columns"]
            if parent not in data or len(fk["columns"]) != 1 or parent == t["name"]:
                continue
            if [meta.tables[parent].primary_key] != pcols:
                continue
            try:
                meta.update_column(table_name=t["name"], column_name=fk["columns"][0], sdtype="id")
                meta.add_relationship(parent_table_name=parent, child_table_name=t["name"],
                                      parent_primary_key=pcols[0], child_foreign_key=fk["columns"][0])
            except Exception as e:  # a second FK between the same tables, etc.
                print(f"skipped relationship {t['name']}.{fk['columns'][0]} -> {parent}: {e}", file=sys.stderr)
    return meta


def without_free_text(meta, data):
    """The same metadata with categorical columns whose source values are mostly
    distinct (titles, names, addresses) marked as ids, which sdmetrics does not
    score: a fill that writes no value seen fewer than K times cannot match
    them, and a synthesizer that copies them is rewarded for copying."""
    d = meta.to_dict()
    for name, table in d["tables"].items():
        frame = data.get(name)
        if frame is None:
            continue
        for column, spec in table["columns"].items():
            values = frame[column].dropna()
            if spec.get("sdtype") == "categorical" and len(values) > 0 and values.nunique() > 0.5 * len(values):
                table["columns"][column] = {"sdtype": "id"}
    return Metadata.load_from_dict(d)


def subset(meta, data):
    """The largest (by rows) set of <= 5 tables of depth <= 2: a parent and its children
    (their FKs to tables outside the set are dropped, the columns kept as ids)."""
    children = {}
    for r in meta.relationships:
        children.setdefault(r["parent_table_name"], set()).add(r["child_table_name"])
    parents = {}
    for r in meta.relationships:
        parents.setdefault(r["child_table_name"], set()).add(r["parent_table_name"])
    best, best_rows = [], -1
    for root in data:
        chosen = [root]
        for c in sorted(children.get(root, ()), key=lambda n: -len(data[n])):
            # Children of each other would make the chain deeper than allowed.
            if c not in chosen and len(chosen) < MAX_TABLES and not (parents.get(c, set()) & set(chosen[1:])) \
                    and not (children.get(c, set()) & set(chosen)):
                chosen.append(c)
        rows = sum(len(data[n]) for n in chosen)
        if len(chosen) > 1 and rows > best_rows:
            best, best_rows = chosen, rows
    return best


def restrict(meta, names):
    d = meta.to_dict()
    d["tables"] = {k: v for k, v in d["tables"].items() if k in names}
    d["relationships"] = [r for r in d.get("relationships", []) if r["parent_table_name"] in names and r["child_table_name"] in names]
    return Metadata.load_from_dict(d)


def write(folder, frames):
    os.makedirs(folder, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(os.path.join(folder, name + ".csv"), index=False)


def quality(real, synthetic, meta):
    from sdmetrics.reports.multi_table import QualityReport
    report = QualityReport()
    report.generate(real, synthetic, meta.to_dict(), verbose=False)
    props = report.get_properties().set_index("Property")["Score"].to_dict()
    return report.get_score(), props


def main():
    mode, d = sys.argv[1], sys.argv[2]
    tables = schema(d)
    real = load(os.path.join(d, "real"), [t["name"] for t in tables])
    real = {k: v for k, v in real.items() if len(v) > 0}
    meta = metadata_for(real, tables)
    if mode == "hma":
        from sdv.multi_table import HMASynthesizer
        names = subset(meta, real)
        with open(os.path.join(d, "hma-subset.json"), "w") as f:
            json.dump(names, f)
        part = {n: real[n] for n in names}
        synth = HMASynthesizer(restrict(meta, names), verbose=False)
        synth.fit(part)
        write(os.path.join(d, "hma"), synth.sample(num_rows=len(part[names[0]]), main_table_name=names[0]))
    elif mode == "copula":
        from sdv.single_table import GaussianCopulaSynthesizer
        out = {}
        for name, frame in real.items():
            single = Metadata.load_from_dict({"tables": {name: meta.to_dict()["tables"][name]}, "relationships": []})
            synth = GaussianCopulaSynthesizer(single)
            synth.fit({name: frame})  # SDV 2 takes single tables as a one-entry dict
            sampled = synth.sample(num_rows=len(frame))
            out[name] = sampled[name] if isinstance(sampled, dict) else sampled
        write(os.path.join(d, "copula"), out)
    elif mode == "score":
        with open(os.path.join(d, "compare.json")) as f:
            ours = json.load(f)
        times = {}
        with open(os.path.join(d, "times")) as f:
            for line in f:
                name, secs, mib = line.split()
                times[name] = (None, float(mib)) if secs == "timeout" else (float(secs), int(mib))
        subset_file = os.path.join(d, "hma-subset.json")
        names = json.load(open(subset_file)) if os.path.exists(subset_file) else []
        rows = []
        for label, folder, scope in [("dbsynth", "dbsynth", None), ("SDV GaussianCopula per table", "copula", None),
                                     ("dbsynth (HMA's subset)", "dbsynth", names), ("SDV HMA (subset)", "hma", names)]:
            keep = scope or list(real)
            if not os.path.isdir(os.path.join(d, folder)) or (scope is not None and not scope):
                rows += [(label, 0, float("nan"), {}), ("  free text left out", 0, float("nan"), {})]
                continue
            synthetic = load(os.path.join(d, folder), keep)
            part = {n: real[n] for n in keep if n in synthetic}
            synthetic = {n: synthetic[n] for n in part}
            score, props = quality(part, synthetic, restrict(meta, list(part)))
            rows.append((label, len(part), score, props))
            free_score, free_props = quality(part, synthetic, restrict(without_free_text(meta, real), list(part)))
            rows.append(("  free text left out", len(part), free_score, free_props))
        print(f"  tables: {len(real)}; HMA's subset: {', '.join(names)}")
        print(f"  {'output':32} {'tables':>6} {'overall':>8} {'shapes':>7} {'pairs':>7} {'cardin.':>7} {'intertab.':>9}")
        for label, n, score, p in rows:
            print(f"  {label:32} {n:6d} {score:8.3f} {p.get('Column Shapes', float('nan')):7.3f} {p.get('Column Pair Trends', float('nan')):7.3f}"
                  f" {p.get('Cardinality', float('nan')):7.3f} {p.get('Intertable Trends', float('nan')):9.3f}")
        print(f"  dbsynth compare's own overall: {ours['overall']:.3f} (sdmetrics: {rows[0][2]:.3f}, free text left out: {rows[1][2]:.3f});"
              f" copies {ours['exact_match_share'] * 100:.1f} %")
        worst = sorted((c for c in ours.get("copies", []) if c["copies"]), key=lambda c: -c["copies"])[:3]
        if worst:
            print("  copies by table: " + ", ".join(f"{c['table']} {c['copies']}/{c['rows']}" for c in worst))
        for name, (secs, mib) in times.items():
            if secs is None:
                print(f"  {name:24} did not finish in {mib:.0f} s")
            else:
                print(f"  {name:24} {secs:8.2f} s {mib:6.0f} MiB peak")
        ours_t = times["dbsynth_profile"][0] + times["dbsynth_fill"][0]
        for sdv in ("sdv_hma", "sdv_gaussian_copula"):
            secs = times.get(sdv, (None, 0))[0]
            print(f"  {sdv} / dbsynth profile+fill: " + (f"{secs / ours_t:.0f}x" if secs else "more than " + f"{times[sdv][1] / ours_t:.0f}x"))
        big = [int(open(os.path.join(d, f)).read() or 0) for f in ("rows_x10", "rows_rule_based")]
        if times.get("dbsynth_fill_x10", (None,))[0] and times.get("dbsynth_fill_rule_based", (None,))[0]:
            a, b = big[0] / times["dbsynth_fill_x10"][0], big[1] / times["dbsynth_fill_rule_based"][0]
            print(f"  fill --profile --scale 10: {big[0]} rows, {a:,.0f} rows/s; rule-based fill: {big[1]} rows, {b:,.0f} rows/s (ratio {a / b:.2f})")


if __name__ == "__main__":
    main()
