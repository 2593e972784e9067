"""The audit's reports: findings.csv, 问题清单.xlsx (summary + one sheet per category), run.json."""

from __future__ import annotations

import datetime as dt
import platform
from pathlib import Path

import pandas as pd

from .. import __version__
from .report import LEDGER_COLUMNS, prepare_out_dir, sha256, write_csv, write_json, write_workbook

# The findings.csv contract (also the columns of each category sheet, before the ledger columns).
# 证据指纹 is the finding's structured evidence fingerprint (``suppress.evidence_fingerprint``): review
# copies it into 核实无问题清单.csv so that a verified finding stays held back when only its wording changes.
FINDING_COLUMNS = [
    "类别代码", "类别名称", "置信度", "乡镇", "村", "户主姓名", "户主身份证号", "姓名", "身份证号", "与户主关系",
    "保障类别", "依据", "匹配键", "来源名单", "来源行", "花名册文件", "花名册行", "建议", "证据指纹",
    "涉及月份", "应追回金额", "应补发金额",
]
MONEY_COLUMNS = ["涉及月份", "应追回金额", "应补发金额"]
WIDTHS = {"依据": 70, "建议": 40, "身份证号": 22, "户主身份证号": 22, "类别名称": 24, "来源名单": 30,
          "花名册文件": 24, "核实情况": 20, "整改措施": 20, "证据指纹": 20}


def summary(findings: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Count distinct flagged members by township × category (rows: townships; a total row last).

    Args:
        findings: the findings frame.
        titles: code → title.
    Returns:
        The summary frame.
    """
    if findings.empty:
        return pd.DataFrame({"乡镇": ["合计"], "问题人数": [0]})
    distinct = findings.drop_duplicates(["类别代码", "_member"])
    table = distinct.pivot_table(index="乡镇", columns="类别代码", values="_member", aggfunc="count", fill_value=0)
    table.columns = [f"{c} {titles.get(c, '')}" for c in table.columns]
    table["问题人数"] = findings.groupby("乡镇")["_member"].nunique().reindex(table.index).fillna(0).astype(int)
    table["涉及户数"] = findings.groupby("乡镇")["_household"].nunique().reindex(table.index).fillna(0).astype(int)
    total = table.sum(numeric_only=True).to_frame().T
    total["问题人数"] = findings["_member"].nunique()
    total["涉及户数"] = findings["_household"].nunique()
    total.index = ["合计"]
    out = pd.concat([table, total]).reset_index().rename(columns={"index": "乡镇"})
    out["乡镇"] = out["乡镇"].replace("", "（未填乡镇）")
    return out.astype({c: int for c in out.columns if c != "乡镇"})


def _money_rows(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings that carry an amount (the money checks)."""
    if findings.empty or "应追回金额" not in findings.columns:
        return findings.iloc[:0]
    rec = pd.to_numeric(findings["应追回金额"], errors="coerce")
    rep = pd.to_numeric(findings["应补发金额"], errors="coerce")
    mask = (rec.notna() | rep.notna()).to_numpy(dtype=bool)
    return findings.loc[mask].assign(_rec=rec[mask].fillna(0).to_numpy(dtype=float), _rep=rep[mask].fillna(0).to_numpy(dtype=float))


def money_totals(findings: pd.DataFrame) -> dict:
    """Return the money totals: yuan to recover and to repay, and how many households each.

    Args:
        findings: the findings frame.
    Returns:
        {'recover', 'repay', 'households', 'recover_households', 'repay_households', 'by_code'}.
    """
    rows = _money_rows(findings)
    by_code = {code: {"应追回金额": round(float(g["_rec"].sum()), 2), "应补发金额": round(float(g["_rep"].sum()), 2),
                      "户数": int(g["_household"].nunique())} for code, g in rows.groupby("类别代码")} if len(rows) else {}
    return {"recover": round(float(rows["_rec"].sum()), 2) if len(rows) else 0.0,
            "repay": round(float(rows["_rep"].sum()), 2) if len(rows) else 0.0,
            "households": int(rows["_household"].nunique()) if len(rows) else 0,
            "recover_households": int(rows.loc[rows["_rec"] > 0, "_household"].nunique()) if len(rows) else 0,
            "repay_households": int(rows.loc[rows["_rep"] > 0, "_household"].nunique()) if len(rows) else 0,
            "by_code": by_code}


def money_summary(findings: pd.DataFrame) -> pd.DataFrame | None:
    """The 资金核查 sheet: by township, households concerned, 应追回合计 and 应补发合计 (a total row last).

    Args:
        findings: the findings frame.
    Returns:
        The frame, or None when no finding carries an amount.
    """
    rows = _money_rows(findings)
    if rows.empty:
        return None
    g = rows.groupby("乡镇")
    table = pd.DataFrame({"涉及户数": g["_household"].nunique(),
                          "应追回户数": rows[rows["_rec"] > 0].groupby("乡镇")["_household"].nunique(),
                          "应追回合计（元）": g["_rec"].sum().round(2),
                          "应补发户数": rows[rows["_rep"] > 0].groupby("乡镇")["_household"].nunique(),
                          "应补发合计（元）": g["_rep"].sum().round(2)}).fillna(0)
    total = pd.DataFrame({"涉及户数": [rows["_household"].nunique()],
                          "应追回户数": [rows.loc[rows["_rec"] > 0, "_household"].nunique()],
                          "应追回合计（元）": [round(rows["_rec"].sum(), 2)],
                          "应补发户数": [rows.loc[rows["_rep"] > 0, "_household"].nunique()],
                          "应补发合计（元）": [round(rows["_rep"].sum(), 2)]}, index=["合计"])
    out = pd.concat([table, total]).reset_index().rename(columns={"index": "乡镇"})
    out["乡镇"] = out["乡镇"].replace("", "（未填乡镇）")
    return out.astype({c: int for c in ("涉及户数", "应追回户数", "应补发户数")})


def category_sheets(findings: pd.DataFrame, titles: dict[str, str]) -> list[tuple[str, pd.DataFrame, list[str]]]:
    """Return one (sheet title, rows, ledger columns) per category present, in code order.

    Args:
        findings: the findings frame.
        titles: code → title.
    Returns:
        The sheets.
    """
    out = []
    for code in sorted(findings["类别代码"].unique()):
        part = findings[findings["类别代码"] == code]
        out.append((f"{code} {titles.get(code, '')}", part, LEDGER_COLUMNS))
    return out


def input_manifest(tables) -> list[dict]:
    """Describe each input file for run.json: path, SHA-256, kind, sheets and row count.

    Args:
        tables: the tables read.
    Returns:
        One dict per table.
    """
    return [{"path": str(t.path), "kind": t.kind, "sha256": sha256(t.path), "sheets": t.sheets,
             "rows": int(t.rows), "columns": t.headers} for t in tables]


def write_audit_reports(result, out: Path, options: dict, command: str = "audit", mask: bool = False) -> dict[str, Path]:
    """Write the audit's findings.csv, 问题清单.xlsx and run.json into ``out``.

    Args:
        result: the :class:`rostercheck.audit.AuditResult`.
        out: the output folder.
        options: the options the run was given (recorded in run.json).
        command: the command name recorded in run.json.
        mask: also write the public copies (公示_findings.csv, 公示_问题清单.xlsx, see ``io.public``).
    Returns:
        name → path of each file written.
    """
    out = prepare_out_dir(out)
    titles = {code: spec.title for code, spec in result.specs.items()}
    findings = result.findings
    paths = {"findings": out / "findings.csv", "workbook": out / "问题清单.xlsx", "manifest": out / "run.json"}
    write_csv(findings, paths["findings"])
    sheets = [("汇总", summary(findings, titles), None)]
    money = money_summary(findings)
    if money is not None:
        sheets.append(("资金核查", money, None))
    sheets += category_sheets(findings, titles)
    if findings.empty:
        sheets.append(("问题清单", findings, LEDGER_COLUMNS))
    write_workbook(paths["workbook"], sheets, WIDTHS)
    if mask:
        from .public import write_public_copies

        public = write_public_copies(out, {paths["findings"].name: findings}, {paths["workbook"].name: sheets}, WIDTHS)
        paths.update({f"public_{k}": v for k, v in public.items()})
    counts = findings["类别代码"].value_counts().sort_index().to_dict() if len(findings) else {}
    by_conf = findings.groupby(["类别代码", "置信度"]).size() if len(findings) else pd.Series(dtype=int)
    write_json({
        "tool": "rostercheck", "version": __version__, "command": command,
        "run_at": dt.datetime.now().isoformat(timespec="seconds"), "python": platform.python_version(),
        "options": options, "inputs": input_manifest(result.inputs.tables),
        "members": int(len(result.inputs.members)),
        "households": int(result.inputs.members["household"].nunique()) if len(result.inputs.members) else 0,
        "counts": {k: int(v) for k, v in counts.items()},
        "counts_by_confidence": {f"{k[0]}/{k[1]}": int(v) for k, v in by_conf.items()},
        "money": money_totals(findings),
        "skipped_checks": result.skipped, "suppressed": result.suppressed, "warnings": result.warnings,
    }, paths["manifest"])
    return paths
