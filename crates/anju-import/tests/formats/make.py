# Writes the .xls and .ods fixtures with well-kept writers (xlwt for BIFF8, odfpy for
# OpenDocument): a title row, a two-row header with a merged group, two households, a
# 合计 row. Run: pip install xlwt odfpy && python3 make.py
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, CoveredTableCell
from odf.text import P

TITLE = '幸福安置点搬迁群众基本信息台账'
TOP = ['统计期', '市', '县', '安置点', '楼栋', '户主姓名', '户人数', '劳动力情况', '', '风险等级']
SUB = ['', '', '', '', '', '', '', '劳动力', '外出务工', '']
ROWS = [
    ['2025-06', '示例市', '示例县', '幸福安置点', '1栋', '张测甲', 4, 2, 1, '红'],
    ['2025-06', '示例市', '示例县', '幸福安置点', '1栋', '李测乙', 3, 1, 0, '绿'],
]
TOTAL = ['合计', '', '', '', '', '', 7, 3, 1, '']

wb = xlwt.Workbook(encoding='utf-8')
ws = wb.add_sheet('台账')
ws.write_merge(0, 0, 0, 9, TITLE)
for c, v in enumerate(TOP):
    if c in (7, 8):
        continue
    ws.write_merge(1, 2, c, c, v) if c not in (7, 8) else None
ws.write_merge(1, 1, 7, 8, '劳动力情况')
ws.write(2, 7, '劳动力')
ws.write(2, 8, '外出务工')
for r, row in enumerate(ROWS + [TOTAL]):
    for c, v in enumerate(row):
        ws.write(3 + r, c, v)
hidden = wb.add_sheet('数据字典')
hidden.write(0, 0, '代码')
hidden.visibility = 1
wb.save('two_row_header.xls')

doc = OpenDocumentSpreadsheet()
t = Table(name='台账')
def row(values, spans=None):
    tr = TableRow()
    for c, v in enumerate(values):
        cell = TableCell(valuetype='float', value=v) if isinstance(v, int) else TableCell()
        if not isinstance(v, int) and v != '':
            cell = TableCell(valuetype='string')
            cell.addElement(P(text=v))
        tr.addElement(cell)
    t.addElement(tr)
row([TITLE])
row(TOP)
row(SUB)
for r in ROWS + [TOTAL]:
    row(r)
doc.spreadsheet.addElement(t)
doc.save('two_row_header.ods')
