"""Table-driven header recognition: the column names and orders other counties use."""

import pytest

from rostercheck.io.columns import assign
from rostercheck.normalize.values import header_label


def mapping(kind, headers):
    labels = [header_label(h) for h in headers]
    return {f: headers[c] for f, c in assign(labels, kind).items()}


@pytest.mark.parametrize(
    "kind, headers, expected",
    [
        ("properties", ["权利人", "身份证号码", "坐落", "房屋用途", "不动产权证号"],
         {"id": "身份证号码", "cert": "不动产权证号", "usage": "房屋用途", "name": "权利人"}),
        ("pensions", ["姓名", "社会保障号码", "待遇状态", "发放金额(元)", "险种名称"],
         {"status": "待遇状态", "amount": "发放金额(元)", "insurance": "险种名称"}),
        ("pensions", ["姓名", "身份证号", "基本养老金", "状态"], {"amount": "基本养老金", "status": "状态"}),
        ("cadre_relatives", ["村干部姓名", "身份证号", "近亲属姓名", "近亲属身份证号", "关系"],
         {"cadre_name": "村干部姓名", "cadre_id": "身份证号", "name": "近亲属姓名", "id": "近亲属身份证号"}),
        ("cadre_relatives", ["本人姓名", "本人身份证号", "亲属姓名", "亲属身份证号", "称谓"],
         {"cadre_name": "本人姓名", "cadre_id": "本人身份证号", "name": "亲属姓名", "id": "亲属身份证号"}),
        ("supporters", ["低保对象姓名", "低保对象身份证号", "赡养义务人", "赡养义务人身份证号", "关系"],
         {"dependent_id": "低保对象身份证号", "dependent_name": "低保对象姓名", "id": "赡养义务人身份证号",
          "name": "赡养义务人"}),
        ("supporters", ["老人姓名", "老人身份证号", "子女姓名", "子女身份证号"],
         {"dependent_id": "老人身份证号", "id": "子女身份证号", "name": "子女姓名"}),
        ("supporters", ["姓名", "身份证号", "赡养人姓名", "赡养人身份证号"],
         {"dependent_id": "身份证号", "dependent_name": "姓名", "id": "赡养人身份证号", "name": "赡养人姓名"}),
        ("migrations", ["姓名", "身份证号", "迁出地址", "迁入地址", "迁出原因"], {"dest": "迁入地址", "reason": "迁出原因"}),
        ("businesses", ["主体名称", "经营者", "证件号码", "员工数", "经营状态"], {"employees": "员工数", "status": "经营状态"}),
        ("vehicles", ["号牌种类", "号牌号码", "所有人住址", "所有人", "身份证明号码", "车辆种类"],
         {"plate": "号牌号码", "name": "所有人", "vehicle_type": "车辆种类", "id": "身份证明号码"}),
        ("wages", ["单位编号", "单位名称", "姓名", "公民身份号码", "缴费基数", "费款所属期"],
         {"employer": "单位名称", "wage": "缴费基数", "month": "费款所属期"}),
        ("prisoners", ["姓名", "身份证号", "刑期起止"], {"range": "刑期起止"}),
        ("deaths", ["姓名", "身份证号码", "火化日期"], {"date": "火化日期"}),
        ("roster", ["乡镇（街道）", "村（社区）", "户主", "户主身份证号", "家庭成员", "家庭关系", "证件号码", "发放账户"],
         {"township": "乡镇（街道）", "village": "村（社区）", "head_name": "户主", "head_id": "户主身份证号",
          "name": "家庭成员", "relation": "家庭关系", "id": "证件号码", "bank_account": "发放账户"}),
        ("roster", ["申请人姓名", "申请人身份证号", "成员姓名", "与申请人关系", "成员身份证号"],
         {"head_name": "申请人姓名", "head_id": "申请人身份证号", "name": "成员姓名", "relation": "与申请人关系",
          "id": "成员身份证号"}),
    ],
)
def test_headers(kind, headers, expected):
    got = mapping(kind, headers)
    assert {f: got.get(f) for f in expected} == expected


@pytest.mark.parametrize("raw, expected", [(202609, "2026-09"), ("202609", "2026-09"), ("2026年9月", "2026-09")])
def test_six_digit_months_are_months(raw, expected):
    from rostercheck.normalize.values import month

    assert month(raw) == expected
