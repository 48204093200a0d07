#!/usr/bin/env bash
# t_85_products.sh -- the financing products (issue 14 "Products"): an
# FI's manager creates (a draft), edits, publishes and withdraws its FI's
# products with messages next to the fields; officers and other FIs
# cannot; the region's operators take one down with a reason; the public
# catalogue on the internet portal, readable without signing in, with its
# filters (kind, amount, term, region) and the platform's disclaimer
# (R-12.1, R-03.1, R-02.2, R-02.3, X-AUD, X-SEC, X-UI).
#
# Creates products named 八五测试* of the demo FIs and removes them at the
# start and the end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
fi_of() { sql "SELECT id FROM fis WHERE name = '$1'"; }
pid_of() { sql "SELECT id FROM products WHERE name = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
pct() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
cleanup() { sql "DELETE FROM products WHERE name LIKE '八五测试%'"; }
cleanup

ICBC=$(fi_of 中国工商银行广州分行)
FSRCB=$(fi_of 佛山农村商业银行)
login "$INTRANET" fi-gz-mgr; MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" fi-gz; OFF=$(jar_of fi-gz)
login "$INTRANET" fi-gz2; OFF2=$(jar_of fi-gz2)
login "$INTRANET" fi-fs; OFFFS=$(jar_of fi-fs)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t85-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")

# form KEY=VALUE...: the fields of a good product (八五测试快贷) as curl
# arguments in FORM[], each KEY given replacing its default (a form reads
# the first value of a name; "regions" may be given several times)
form() {
	local -A f=([name]=八五测试快贷 [kind]=credit [amount_min]=10 [amount_max]=800
		[term_min]=6 [term_max]=24 [rate_min]=3.6 [rate_max]=5.25 [industries]=制造业
		[sizes]=小型、微型 [requirements]="成立满 1 年，纳税正常" [materials]=营业执照)
	local kv k
	FORM=()
	for kv in "$@"; do
		k=${kv%%=*}
		if [ "$k" = regions ]; then FORM+=(--data-urlencode "$kv"); else f[$k]=${kv#*=}; fi
	done
	for k in "${!f[@]}"; do FORM+=(--data-urlencode "$k=${f[$k]}"); done
}

# --- the manager creates a draft: messages next to the fields ---------------------------
req GET "$INTRANET/products" --jar "$MGR"
expect_status 200 "R-12.1 the FI's manager opens its products"
expect_body 'aria-current="page">金融产品' "X-UI the FI's menu shows 金融产品"
expect_body 'href="/products/new"' "R-12.1 ... with the way to a new one"
expect_body '>经营快贷</a>' "R-12.1 ... its FI's products listed"
expect_no_body '小微信用贷' "R-02.2 ... and not another FI's"
req GET "$INTRANET/products/new" --jar "$OFF"
expect_status 403 "R-02.3 an officer cannot create products"
req GET "$INTRANET/products/new" --jar "$MGR"
expect_status 200 "R-12.1 the manager opens the new product form"
expect_body 'name="regions" value="440100" checked' "R-12.1 the FI's own city is ticked as served"
form "amount_min=900" "rate_min=4.355" "term_max=" "regions=440100"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
expect_status 200 "R-12.1 a bad product is refused"
expect_body 'id="rate_min-error">请输入 0.01 至 36 之间' "R-12.1 ... a rate of three decimals told next to it"
expect_body 'id="term_max-error">请填写此项' "R-12.1 ... a missing term next to it"
expect_body 'value="八五测试快贷"' "X-UI ... the name kept as typed"
expect_body 'value="4.355"' "X-UI ... the bad rate kept as typed"
form "amount_min=900"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
expect_body 'id="amount_max-error">最高额度不能低于最低额度' "R-12.1 a minimum above the maximum is told next to the maximum"
expect_body 'id="regions-error">请至少选择一个服务地区' "R-12.1 no region served is told"
form "regions=440000"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
expect_body 'id="regions-error">请选择有效的地区' "R-12.1 the province is not a region served"
expect_eq "$(pid_of 八五测试快贷)" "" "R-12.1 no refused form wrote a product"
form "regions=440100" "regions=440600"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
expect_status 303 "R-12.1 a good form saves the product"
P=$(pid_of 八五测试快贷)
expect_header 'Location' "^/products/$P[?]done=created$" "R-12.1 ... and shows it"
expect_eq "$(sql "SELECT CONCAT(status, '|', fi_id, '|', region_code, '|', rate_min_bp, '|', rate_max_bp) FROM products WHERE id = $P")" "draft|$ICBC|440100|360|525" "R-12.1 it is a draft of the manager's FI, rates in hundredths of a percent"
expect_eq "$(sql "SELECT GROUP_CONCAT(region_code ORDER BY region_code) FROM product_regions WHERE product_id = $P")" "440100,440600" "R-12.1 ... serving both cities"
expect_eq "$(audit_count "action = 'product.create' AND object_id = '$P' AND actor_id = $(uid_of fi-gz-mgr)")" 1 "X-AUD the creation has its audit row"
form "regions=440100"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
expect_body 'id="name-error">本机构已有同名的产品' "R-12.1 a second product of the same name is told"

# --- drafts are not public --------------------------------------------------------------------
req GET "$INTERNET/products/$P"
expect_status 404 "R-12.1 a draft is not in the public catalogue"
req GET "$INTERNET/products"
expect_no_body '八五测试快贷' "R-12.1 ... nor in its list"

# --- other FIs and officers cannot touch it ------------------------------------------------------
req GET "$INTRANET/products/$P" --jar "$OFF2"
expect_status 404 "R-02.2 fi-gz2 cannot see ICBC's product"
req GET "$INTRANET/products/$P/edit" --jar "$OFF2"
expect_status 404 "R-02.2 fi-gz2 cannot open its edit form"
form "name=八五测试改名" "regions=440100"
post_form "$OFF2" "$INTRANET/products" "$INTRANET/products/$P/edit" "${FORM[@]}"
expect_status 404 "R-02.2 fi-gz2 cannot edit ICBC's product by a forged POST"
post_form "$OFF2" "$INTRANET/products" "$INTRANET/products/$P/publish"
expect_status 404 "R-02.2 fi-gz2 cannot publish it"
req GET "$INTRANET/products/$P" --jar "$OFF"
expect_status 200 "R-02.3 ICBC's officer reads its FI's product"
expect_no_body 'id="product-publish"' "R-02.3 ... without the steps"
post_form "$OFF" "$INTRANET/products/$P" "$INTRANET/products/$P/publish"
expect_status 403 "R-02.3 an officer cannot publish"
req GET "$INTRANET/products/$P" --jar "$OPFS"
expect_status 404 "R-02.2 a Foshan operator cannot see a Guangzhou FI's product"

# --- edit, publish, withdraw --------------------------------------------------------------
req GET "$INTRANET/products/$P/edit" --jar "$MGR"
expect_body 'value="3.60"' "R-12.1 the edit form has the stored rate"
expect_body 'name="regions" value="440600" checked' "R-12.1 ... and the regions served"
form "amount_max=1000" "regions=440100" "regions=440600"
post_form "$MGR" "$INTRANET/products/$P/edit" "$INTRANET/products/$P/edit" "${FORM[@]}"
expect_status 303 "R-12.1 the manager edits its draft"
expect_eq "$(sql "SELECT amount_max_wan FROM products WHERE id = $P")" 1000 "R-12.1 ... the change is stored"
expect_eq "$(audit_count "action = 'product.update' AND object_id = '$P'")" 1 "X-AUD ... with its audit row"
req GET "$INTRANET/products/$P" --jar "$MGR"
expect_body 'id="product-status"[^>]*>草稿' "R-12.1 the page shows the draft status"
expect_body 'id="disclaimer"' "R-03.1 the product page says the platform is not a party to the loan"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/withdraw"
expect_status 409 "R-12.1 a draft cannot be withdrawn"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/publish"
expect_status 303 "R-12.1 the manager publishes its product"
expect_eq "$(sql "SELECT status FROM products WHERE id = $P AND published_at IS NOT NULL")" published "R-12.1 ... it is published with its time"
expect_eq "$(audit_count "action = 'product.publish' AND object_id = '$P'")" 1 "X-AUD ... with its audit row"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/publish"
expect_status 409 "R-12.1 a published product cannot be published again"

# --- the public catalogue: no sign-in, filters, disclaimer ---------------------------------
req GET "$INTERNET/products"
expect_status 200 "R-12.1 the catalogue opens without signing in"
expect_body '<title>金融产品' "X-UI it has a Chinese title"
expect_body 'id="disclaimer">本平台仅为企业和金融机构提供信息对接服务，不是贷款合同的当事方' "R-03.1 it says the platform only matches and is not a party to the loan"
expect_body '>八五测试快贷</a>' "R-12.1 the published product is listed"
expect_body '>佛山制造贷</a>' "R-12.1 ... with the other FIs' published products"
req GET "$INTERNET/products/$P"
expect_status 200 "R-12.1 its page opens without signing in"
expect_body 'id="product-amount">10 - 1000 万元' "R-12.1 ... with its amount range"
expect_body 'id="product-rate">3.60% - 5.25%' "R-12.1 ... its annual rate range"
expect_body 'id="product-regions">广州市、佛山市' "R-12.1 ... and the regions it serves"
expect_body 'id="disclaimer"' "R-03.1 ... and the disclaimer"
req GET "$INTERNET/products?kind=guarantee"
expect_body '>佛山制造贷</a>' "R-12.1 the kind filter finds a guarantee loan"
expect_no_body '八五测试快贷' "R-12.1 ... and leaves out the credit loans"
expect_body '<option value="guarantee" selected>' "X-UI ... the filter kept"
req GET "$INTERNET/products?amount=1000"
expect_body '>八五测试快贷</a>' "R-12.1 amount 1000 万元 is within 10-1000"
expect_no_body '>经营快贷</a>' "R-12.1 ... but not within 经营快贷's 10-300"
req GET "$INTERNET/products?term=30"
expect_no_body '八五测试快贷' "R-12.1 term 30 months is outside 6-24"
expect_body '>经营快贷</a>' "R-12.1 ... and inside 经营快贷's 6-36"
req GET "$INTERNET/products?region=440600"
expect_body '>佛山制造贷</a>' "R-12.1 the Foshan filter finds the Foshan-only product"
expect_body '>八五测试快贷</a>' "R-12.1 ... and products serving Foshan too"
expect_no_body '>小微信用贷</a>' "R-12.1 ... not a Guangzhou-only one"
req GET "$INTERNET/products?region=440100"
expect_no_body '>佛山制造贷</a>' "R-12.1 the Guangzhou filter leaves out the Foshan-only product"
req GET "$INTERNET/products?amount=abc&term=0&region=9"
expect_status 200 "X-UI bad filters still show the catalogue"
expect_body 'id="amount-error">请输入整数' "X-UI ... the amount's message next to it"
expect_body 'id="term-error">数值超出允许范围' "X-UI ... the term's"
expect_body 'id="region-error">' "X-UI ... the region's"
req GET "$INTRANET/products"
expect_status 303 "X-SEC the intranet product list needs a sign-in"

# --- withdraw, publish again, take down ------------------------------------------------------------
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/withdraw"
expect_status 303 "R-12.1 the manager withdraws its product"
req GET "$INTERNET/products/$P"
expect_status 404 "R-12.1 a withdrawn product leaves the catalogue"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/publish"
expect_status 303 "R-12.1 a withdrawn product can be published again"
post_form "$OPFS" "$INTRANET/products" "$INTRANET/products/$P/take-down" --data-urlencode "reason=越区"
expect_status 404 "R-02.2 a Foshan operator cannot take down a Guangzhou FI's product"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/take-down" --data-urlencode "reason=自行下架"
expect_status 403 "R-02.3 an FI cannot use the operators' take-down"
req GET "$INTRANET/products/$P" --jar "$OPGZ"
expect_status 200 "R-12.1 the region's operator opens the product"
expect_body 'id="product-take-down"' "R-12.1 ... and is offered the take-down"
post_form "$OPGZ" "$INTRANET/products/$P" "$INTRANET/products/$P/take-down"
expect_status 400 "R-12.1 a take-down needs a reason"
expect_body 'id="reason-error">请填写此项' "R-12.1 ... told next to the reason"
post_form "$OPGZ" "$INTRANET/products/$P" "$INTRANET/products/$P/take-down" --data-urlencode "reason=利率表述不清<b>"
expect_status 303 "R-12.1 the region's operator takes the product down"
expect_eq "$(sql "SELECT CONCAT(status, '|', takedown_reason) FROM products WHERE id = $P")" "taken_down|利率表述不清<b>" "R-12.1 ... taken down with its reason"
expect_eq "$(audit_count "action = 'product.take_down' AND object_id = '$P' AND actor_id = $(uid_of op-gz)")" 1 "X-AUD ... with its audit row"
req GET "$INTRANET/products/$P" --jar "$MGR"
expect_body 'id="product-takedown-reason">下架原因：利率表述不清&lt;b&gt;' "R-12.1 the FI sees the reason, escaped"
expect_no_body 'id="product-edit"' "R-12.1 ... and can no longer edit it"
post_form "$MGR" "$INTRANET/products/$P" "$INTRANET/products/$P/publish"
expect_status 409 "R-12.1 a taken-down product cannot be published again"
req GET "$INTRANET/products/$P/edit" --jar "$MGR"
expect_status 409 "R-12.1 ... nor edited"
req GET "$INTERNET/products/$P"
expect_status 404 "R-12.1 a taken-down product is not public"

# --- escaping ----------------------------------------------------------------------------------
form "name=八五测试<script>y</script>" "regions=440100"
post_form "$MGR" "$INTRANET/products/new" "$INTRANET/products/new" "${FORM[@]}"
X=$(pid_of '八五测试<script>y</script>')
post_form "$MGR" "$INTRANET/products/$X" "$INTRANET/products/$X/publish"
req GET "$INTERNET/products"
expect_no_body '<script>y' "X-SEC a product's name is escaped in the catalogue"
req GET "$INTERNET/products/$X"
expect_body '八五测试&lt;script&gt;y' "X-SEC ... and on its page"

cleanup
done_testing
