#!/usr/bin/env python3
"""Writes the generated CSV files of the bad-input corpus (run from this folder: python3 make_corpus.py).

The hand-made files (empty.csv, ragged_rows.csv, ...) are not generated; XLSX fixtures are generated at test time by
tests/Segmenta.Data.Tests/Import/XlsxFixtures.cs. Every file here has its expected outcome in README.md.
"""

def write(name, data: bytes):
    with open(name, "wb") as f:
        f.write(data)

BOM = "\ufeff"

# Two exports pasted together: the second brings its own BOM and header; one id starts with a stray BOM.
write("bom_in_middle.csv", (
    BOM + "customer_id,order_date,amount\n"
    "C1,2024-01-05,10\n"
    "C2,2024-01-06,20\n"
    + BOM + "customer_id,order_date,amount\n"
    "C3,2024-01-07,30\n"
    + BOM + "C1,2024-01-08,40\n").encode("utf-8"))

write("mixed_line_endings.csv",
      b"customer_id,order_date,amount\r\nC1,2024-01-05,10\nC2,2024-01-06,20\r\nC3,2024-01-07,30\nC4,2024-01-08,40\r\n")

write("quoted_newlines.csv", (
    'customer_id,order_date,amount,note\n'
    'C1,2024-01-05,10,"first line\nsecond line"\n'
    'C2,2024-01-06,20,"windows\r\nline break"\n'
    'C3,2024-01-07,"1,234.50","a ""quoted"" word, and a comma"\n'
    'C4,2024-01-08,40,plain\n').encode("utf-8"))

# An ERP export with subtotal and total rows; the label sits in the first column (order_id), not the customer column.
write("totals_row.csv", (
    "order_id,customer_id,order_date,amount\n"
    "O1,C1,2024-01-05,100\n"
    "O2,C2,2024-01-06,200\n"
    "小计,,,300\n"
    "O3,C1,2024-02-01,1000\n"
    "O4,C3,2024-02-02,\"(66)\"\n"
    "总计：,,,1234.00\n"
    "Total,,,\"1,234.00\"\n"
    "合计, ,,1234\n").encode("utf-8"))

# Every row is 5 January 2024, written seven ways (text, Excel serial, 8 digits, slashes, Chinese, with time, dots).
write("dates_mixed.csv", (
    "customer_id,order_date,amount\n"
    "C1,2024-01-05,1\n"
    "C2,45296,1\n"
    "C3,20240105,1\n"
    "C4,2024/1/5,1\n"
    "C5,2024年1月5日,1\n"
    "C6,2024-01-05 13:45:00,1\n"
    "C7, 2024.01.05 ,1\n").encode("utf-8"))

write("two_digit_years.csv", (
    "customer_id,order_date,amount\n"
    "C1,2024-01-05,1\n"
    "C2,24-01-05,1\n"
    "C3,1/5/24,1\n"
    "C4,05.01.24,1\n").encode("utf-8"))

# Full-width digits and punctuation, as typed with a Chinese input method.
write("fullwidth.csv", (
    "customer_id,order_date,amount\n"
    "C1,２０２４－０１－０５,１２３\n"
    "C2,２０２４年１月５日,\"１，２３４．５０\"\n"
    "C3,2024-01-05,（５００）\n"
    "C4,2024-01-05,￥１２３．４５\n"
    "C5,2024-01-05,\"１２３，４５\"\n").encode("utf-8"))

write("amount_forms.csv", (
    "customer_id,order_date,amount\n"
    "C1,2024-01-05,\"1,234.50元\"\n"
    "C2,2024-01-05,(500)\n"
    "C3,2024-01-05,￥88\n"
    "C4,2024-01-05,-12.5\n"
    "C5,2024-01-05,\"$1,000\"\n"
    "C6,2024-01-05,1.234.50\n").encode("utf-8"))

write("whitespace_ids.csv", (
    "customer_id,order_date,amount\n"
    "   ,2024-01-05,1\n"
    "\t,2024-01-05,2\n"
    "\u3000\u3000,2024-01-05,3\n"
    "\u00a0,2024-01-05,4\n"
    " C5 ,2024-01-05,5\n"
    "\u3000C6\u3000,2024-01-05,6\n").encode("utf-8"))

write("leading_zero_ids.csv", (
    "customer_id,order_date,amount\n"
    "007,2024-01-05,1\n"
    "0001234,2024-01-05,2\n"
    "00,2024-01-05,3\n"
    "7,2024-01-05,4\n"
    "1e3,2024-01-05,5\n").encode("utf-8"))

# GBK with two invalid byte sequences: a lone 0x80 inside a region name, a lone 0xFF inside an amount.
gbk = "客户编号,下单日期,实付金额,省份\n".encode("gbk")
gbk += "K1,2024-01-05,100,".encode("gbk") + "浙".encode("gbk") + b"\x80" + "江".encode("gbk") + b"\n"
gbk += "K2,2024-01-06,12".encode("gbk") + b"\xff" + "3,江苏\n".encode("gbk")
gbk += "K3,2024-01-07,300,上海\n".encode("gbk")
write("gbk_invalid_bytes.csv", gbk)
