#!/usr/bin/env bash
# t_96_blank_form.sh -- the intranet front page says who may sign in and
# how accounts are opened, and the agency's change form is downloadable
# blank for printing (issue 17 "Front pages", R-04.1, R-04.4, X-UI): a public
# intranet page, both copies (申请机构留存, 人民银行留存), the user lines
# A to D empty with every box unticked, no form number, printable on A4.
. "$(dirname "$0")/lib.sh"

req GET "$INTRANET/"
expect_status 200 "X-UI the intranet home opens without signing in"
expect_body 'id="how-open"' "X-UI it says how accounts are opened"
expect_body 'href="/agency-forms/blank" id="home-blank-form"' "X-UI ... and links the blank change form"

req GET "$INTRANET/agency-forms/blank"
expect_status 200 "R-04.1 the blank change form downloads without signing in"
expect_header 'Content-Type' '^text/html; charset=utf-8$' "X-UI ... as a printable page"
expect_header 'Cache-Control' '^public, max-age=' "X-UI ... cacheable"
expect_body '<title>政府机构用户开设或变更申请表（空白表）' "X-UI ... titled as the blank form"
expect_body '<h1 class="print-title">政府机构用户开设或变更申请表</h1>' "R-04.1 ... it is the agency's change form"
expect_body 'id="copy-agency"' "R-04.4 ... the agency's copy"
expect_body 'id="copy-pboc"' "R-04.4 ... and the PBoC's copy"
expect_eq "$(grep -c '<th rowspan="4">用户使用人（[A-D]）信息</th>' "$RESP_BODY")" 8 "R-04.4 ... four user lines A-D in each copy"
expect_no_body '☑' "R-04.4 ... every box unticked"
expect_no_body 'No\. [0-9]' "R-04.4 ... no form number"
expect_body 'id="blank-how"' "X-UI ... with how to print, fill in and hand it over"
expect_body '<body class="print">' "X-UI ... in the print layout (A4)"
expect_no_body '<nav class="menu"' "X-UI ... without the menu"

req GET "$INTERNET/agency-forms/blank"
expect_status 404 "R-04.4 the blank form is the intranet's, not the internet's"

# a signed-in agency user gets the same form, not cached
login "$INTRANET" gov-gz; GOV=$(jar_of gov-gz)
req GET "$INTRANET/agency-forms/blank" --jar "$GOV"
expect_status 200 "R-04.4 a signed-in gov user prints the blank form too"
expect_header 'Cache-Control' 'no-store' "X-SEC ... not cached for a signed-in user"
req GET "$INTRANET/agency-forms/1x" --jar "$GOV"
expect_status 404 "R-04.4 a path that is neither blank nor a number is no form"

done_testing
