#!/usr/bin/env bash
# t_95_suggest.sh -- suggestions (issue 14 "Suggestions", R-12.1, R-08.2a,
# R-02.2, X-SEC; the rule: lib/finance/match.h, docs/ARCHITECTURE.md):
# the enterprise's application page lists the published products that fit
# (region, amount, term, industry, size), ranked by the documented score,
# each with why; drafts, products of another region and misfits are not
# there.  An FI's /loans/suggested lists the open applications that fit
# its own products, naming the product and why; an addressed application
# or one another FI took up is never in another FI's suggestions, and a
# product withdrawn takes its region's applications with it.
#
# The demo enterprise ent-a is of section I (信息传输、软件和信息技术服务业),
# small, in Guangzhou.  Products named 九五测试... are written by SQL;
# applications (purpose 九五推荐...) go through the form.  Both are
# removed at the start and the end.
. "$(dirname "$0")/lib.sh"

cleanup() {
	local ids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '九五推荐%'")
	if [ "$ids" != NULL ] && [ -n "$ids" ]; then
		sql "DELETE FROM credit_queries WHERE purpose = 'loan' AND purpose_text IN
			(SELECT CONCAT('XD', LPAD(id, 8, '0')) FROM loans WHERE id IN ($ids))"
		sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
		sql "DELETE FROM loans WHERE id IN ($ids)"
	fi
	sql "DELETE FROM products WHERE name LIKE '九五测试%'"
}
cleanup

ICBC=$(sql "SELECT id FROM fis WHERE name = '中国工商银行广州分行'")
CCB=$(sql "SELECT id FROM fis WHERE name = '中国建设银行广州分行'")
FSB=$(sql "SELECT id FROM fis WHERE name = '佛山农村商业银行'")
# product FI REGION NAME AMIN AMAX TMIN TMAX RATE_MIN INDUSTRIES SIZES STATUS SERVED...
product() {
	local fi=$1 region=$2 name=$3 amin=$4 amax=$5 tmin=$6 tmax=$7 rate=$8 ind=$9 sizes=${10} st=${11} id r
	shift 11
	sql "INSERT INTO products (fi_id, region_code, name, kind, amount_min_wan, amount_max_wan,
		term_min_months, term_max_months, rate_min_bp, rate_max_bp, industries, sizes,
		requirements, materials, status, published_at)
		VALUES ($fi, '$region', '$name', 'credit', $amin, $amax, $tmin, $tmax, $rate, $((rate + 100)),
		'$ind', '$sizes', '', '', '$st', IF('$st' = 'published', UTC_TIMESTAMP(), NULL))"
	id=$(sql "SELECT id FROM products WHERE name = '$name'")
	for r in "$@"; do sql "INSERT INTO product_regions VALUES ($id, '$r')"; done
	printf '%s' "$id"
}
P_IT=$(product "$CCB" 440100 九五测试信息贷 10 500 6 24 400 信息技术服务业 '' published 440100)
P_FAR=$(product "$FSB" 440600 九五测试跨市贷 10 300 1 60 300 '' 小型 published 440100 440600)
P_DRAFT=$(product "$ICBC" 440100 九五测试草稿贷 1 9999 1 120 300 '' '' draft 440100)
P_BIG=$(product "$CCB" 440100 九五测试大额贷 1000 5000 6 24 300 '' '' published 440100)
P_MICRO=$(product "$CCB" 440100 九五测试微型贷 10 500 6 24 300 '' 微型 published 440100)
P_QUICK=$(sql "SELECT id FROM products WHERE name = '经营快贷'")	# ICBC: 小型、微型, GZ+FS

login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTRANET" fi-gz; GZ=$(jar_of fi-gz)
login "$INTRANET" fi-gz2; GZ2=$(jar_of fi-gz2)
login "$INTRANET" fi-fs; FS=$(jar_of fi-fs)

# apply PURPOSE [PRODUCT]: ent-a publishes 200 万元 for 12 months
apply() {
	post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" \
		--data-urlencode amount_wan=200 --data-urlencode term_months=12 \
		--data-urlencode "purpose=$1" --data-urlencode "product_id=${2:-}" \
		--data-urlencode consent=1 --data-urlencode disclaimer=1 --data-urlencode publish=1
}
loc_id() { header Location | sed -n 's|^/loans/\([0-9]*\).*|\1|p'; }
# order ATTR: the values of data-ATTR of the suggestions in page order
order() { grep -o "<li class=\"[a-z]*\" data-$1=\"[0-9]*\"" "$RESP_BODY" | sed 's/.*="//; s/"$//' | tr '\n' ' ' | sed 's/ $//'; }
# item ATTR ID: the <li> of data-ATTR=ID, up to its </li>
item() { awk -v k="data-$1=\"$2\"" 'index($0, k) { on = 1 } on { print } on && /^ *<\/li>$/ { exit }' "$RESP_BODY"; }

apply "九五推荐 开放"
expect_status 303 "R-08.2a ent-a publishes an open application"
OPEN=$(loc_id)

# --- the enterprise ---------------------------------------------------------------------
req GET "$INTERNET/loans/$OPEN" --jar "$ENTA"
expect_status 200 "R-12.1 the enterprise opens its application"
expect_body 'id="suggest-title">适合本申请的金融产品' "R-12.1 ... with the products that fit it"
expect_body '推荐规则：产品服务本申请所在地区' "R-12.1 ... and the rule, stated on the page"
expect_eq "$(order product)" "$P_IT $P_QUICK $P_FAR" \
	"R-12.1 ranked by the score: industry named + local FI (70), size named + local (60), size named, other city's FI (30)"
expect_body "data-product=\"$P_IT\" data-score=\"70\"" "R-12.1 ... each with its score"
IT=$(item product "$P_IT")
expect_eq "$(grep -c '适用行业“信息技术服务业”包含本企业的I 信息传输、软件和信息技术服务业（+40）' <<<"$IT")" 1 "R-12.1 why: the product names the enterprise's industry"
expect_eq "$(grep -c '申请金额200 万元，在产品范围10–500 万元' <<<"$IT")" 1 "R-12.1 why: the amount within the range"
expect_eq "$(grep -c '申请期限12 个月，在产品范围6–24 个月' <<<"$IT")" 1 "R-12.1 why: the term within the range"
expect_eq "$(grep -c '服务地区包含：广州市' <<<"$IT")" 1 "R-12.1 why: the region served"
expect_eq "$(grep -c '产品不限企业规模' <<<"$IT")" 1 "R-12.1 why: no size restriction"
expect_eq "$(grep -c '金融机构在申请所在地区（+30）' <<<"$IT")" 1 "R-12.1 why: a local FI"
FAR=$(item product "$P_FAR")
expect_eq "$(grep -c '适用企业规模“小型”包含本企业的小型（+30）' <<<"$FAR")" 1 "R-12.1 why: the size named"
expect_eq "$(grep -c '金融机构在申请所在地区' <<<"$FAR")" 0 "R-12.1 ... a Foshan FI serving Guangzhou is not local"
for p in "$P_DRAFT:a draft product" "$P_BIG:an amount outside the range" "$P_MICRO:another size"; do
	expect_no_body "data-product=\"${p%%:*}\"" "R-12.1 not suggested: ${p#*:}"
done
expect_no_body '>厂房抵押贷<|>供应链订单贷<|>佛山制造贷<' "R-12.1 not suggested: another industry (制造业), a product not serving Guangzhou"

apply "九五推荐 指定" "$P_QUICK"
expect_status 303 "R-08.2a ent-a publishes an application addressed to 经营快贷"
ADDR=$(loc_id)
req GET "$INTERNET/loans/$ADDR" --jar "$ENTA"
expect_body "data-product=\"$P_QUICK\" data-score=\"60\">" "R-12.1 the addressed product is among the suggestions"
expect_body '已申请此产品' "R-12.1 ... marked as the one applied for"

# --- the FIs ----------------------------------------------------------------------------
req GET "$INTRANET/loans/suggested" --jar "$GZ"
expect_status 200 "R-12.1 an FI opens its suggested applications"
expect_body '<a href="/loans/suggested" aria-current="page">推荐申请</a>' "X-UI ... from the 融资对接 menu"
expect_body "data-loan=\"$OPEN\" data-product=\"$P_QUICK\" data-score=\"60\"" "R-12.1 the ICBC branch: the open application, fitting its 经营快贷"
expect_eq "$(item loan "$OPEN" | grep -c "符合产品：<a href=\"/products/$P_QUICK\" class=\"product\">经营快贷</a>")" 1 "R-12.1 ... naming the product"
expect_eq "$(item loan "$OPEN" | grep -c '适用企业规模“小型、微型”包含本企业的小型（+30）')" 1 "R-12.1 ... and why"
expect_no_body "data-loan=\"$ADDR\"" "R-12.1 an application addressed to a product is not an open lead"
req GET "$INTRANET/loans/suggested" --jar "$GZ2"
expect_body "data-loan=\"$OPEN\" data-product=\"$P_IT\" data-score=\"70\"" "R-12.1 the CCB branch: the same application, by its best product"
expect_no_body "data-loan=\"$ADDR\"" "R-02.2 another FI never sees the application addressed to the ICBC branch"
req GET "$INTRANET/loans/$OPEN" --jar "$GZ2"
expect_status 200 "R-02.2 ... while the suggested one opens for it (within its scope)"
req GET "$INTRANET/loans/suggested" --jar "$FS"
expect_body "data-loan=\"$OPEN\" data-product=\"$P_FAR\"" "R-12.1 the Foshan bank: through its product serving Guangzhou"
sql "UPDATE products SET status = 'withdrawn' WHERE id = $P_FAR"
req GET "$INTRANET/loans/suggested" --jar "$FS"
expect_no_body "data-loan=\"$OPEN\"" "R-02.2 ... and not once that product is withdrawn (its FI serves Foshan only)"
expect_body 'id="leads-none"' "R-12.1 ... the page says there is none"

# the ICBC branch takes it up: no longer a lead for anyone, nor suggested to the enterprise
req GET "$INTRANET/loans/$OPEN" --jar "$GZ"
TOK=$(csrf_from_body)
req POST "$INTRANET/loans/$OPEN/take" --jar "$GZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=$TOK" --data-urlencode "version=$(sql "SELECT version FROM loans WHERE id = $OPEN")"
expect_status 303 "R-08.2b the ICBC branch takes the application up"
req GET "$INTRANET/loans/suggested" --jar "$GZ2"
expect_no_body "data-loan=\"$OPEN\"" "R-02.2 an application another FI took up leaves the CCB branch's suggestions"
req GET "$INTRANET/loans/suggested" --jar "$GZ"
expect_no_body "data-loan=\"$OPEN\"" "R-12.1 ... and its own (it is no longer open)"
req GET "$INTERNET/loans/$OPEN" --jar "$ENTA"
expect_no_body 'id="suggest-title"' "R-12.1 once taken up, the enterprise's page suggests no more"
req GET "$INTRANET/loans/suggested" --jar "$(jar_of fi-gz)"
expect_no_body '<script' "X-SEC no script"

# --- scope of the page ---------------------------------------------------------------------
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
req GET "$INTRANET/loans/suggested" --jar "$OPGZ"
expect_status 403 "R-02.2 the suggested leads are the FIs' page only"
req GET "$INTERNET/loans/suggested" --jar "$ENTA"
expect_status 404 "R-02.2 ... not on the internet portal"

cleanup
done_testing
