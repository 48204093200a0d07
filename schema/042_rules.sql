-- 042_rules.sql -- the measures (管理办法) and their revisions (issue 17
-- "The measures and revisions", R-17.1, X-AUD; lib/info/rule.c).
--
-- Each row is one version of the text.  The first is the text in force
-- when the platform opened (spec/measures.zh.txt, loaded below; Art. 18:
-- in force from its publication, so effective on the day this migration
-- ran).  A revision is drafted by the province's operators (draft),
-- submitted (pending) and published by a supervisor of the province, who
-- is not the drafter (four eyes; rule_machine); it takes effect on
-- effective_on (a Beijing date).  base_id is the version it revises, the
-- one readers compare it with.  rule_notices records which user was told
-- of which revision at sign-in, so each is told once.
CREATE TABLE rule_versions (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  title         VARCHAR(200)  NOT NULL,
  body          MEDIUMTEXT    NOT NULL,
  summary       VARCHAR(1000) NOT NULL DEFAULT '',
  effective_on  DATE          NOT NULL,
  status        ENUM('draft','pending','published') NOT NULL DEFAULT 'draft',
  base_id       BIGINT UNSIGNED NULL,
  version       INT UNSIGNED  NOT NULL DEFAULT 1,
  drafted_by    BIGINT UNSIGNED NULL,
  approved_by   BIGINT UNSIGNED NULL,
  published_at  DATETIME      NULL,
  created_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY rule_versions_effective (status, effective_on),
  CONSTRAINT rule_versions_base_fk FOREIGN KEY (base_id) REFERENCES rule_versions (id),
  CONSTRAINT rule_versions_drafted_fk FOREIGN KEY (drafted_by) REFERENCES users (id),
  CONSTRAINT rule_versions_approved_fk FOREIGN KEY (approved_by) REFERENCES users (id),
  CONSTRAINT rule_versions_four_eyes_ck CHECK (approved_by IS NULL OR drafted_by IS NULL
    OR approved_by <> drafted_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rule_notices (
  user_id       BIGINT UNSIGNED NOT NULL,
  rule_id       BIGINT UNSIGNED NOT NULL,
  noticed_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (user_id, rule_id),
  CONSTRAINT rule_notices_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT rule_notices_rule_fk FOREIGN KEY (rule_id) REFERENCES rule_versions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The text in force (spec/measures.zh.txt, verbatim).
INSERT INTO rule_versions (title, body, summary, effective_on, status, published_at)
VALUES ('广东省中小微企业信用信息和融资对接平台非金融机构用户管理办法（试行）', '
广东省中小微企业信用信息和融资对接平台
非金融机构用户管理办法

（试行） 

总 则 

第一条 为加强广东省中小微企业信用信息和融资对接平台和各地市分平台（以下简称“对接平台”)用户的管理，规范非金融机构用户行为，根据《征信业管理条例》等国家有关法律法规，以及《广东省中小微企业信用信息和融资对将平台运行管理办法》等管理规定，特制定本办法。 
第二条 本办法所称对接平台运行和管理机构，指人民银行广州分行及各地市中心支行。

本办法所称对接平台用户指在对接平台内网和互联网上创建的非金融机构用户，包括政府机构用户和企业用户，其享有对接平台提供的相关服务的权利，并履行对接平台运行管理规定的义务。 

第三条 对接平台运行和管理机构不对借贷当事人在对接平台上的融资申请、审批、发放等过程的实际行为以及融资业务的谈判、合作和融资协议执行情况及其他相关活动负责。 

第二章 用户创建与变更 

第四条 政府机构创建用户无需在互联网上注册，填写《广东省中小微企业信用信息和融资对接平台政府机构用户开设或变更申请表》（见附件），按属地原则向对接平台运行和管理机构申请开立或变更用户。

第五条 各政府机构可根据业务需求，申请开立多个用户。
第六条 企业用户由企业自行通过对接平台互联网注册，注册填写的信息包括但不限于以下项目：用户名、企业统一社会信用代码、企业名称、机构登记注册号、法人姓名、法人身份证号、联系人姓名、手机号码、手机验证码等。当企业需要发起信贷申请时，应当补充对接平台或金融机构要求的其他信息。

第七条 所有用户实行实名登记制，须在平台登记用户人员姓名和真实有效的联系方式。

第三章 用户权利和义务 

第八条 对接平台用户享有下列权利： 
（一）政府机构用户可以根据单位实际，导入企业相关信用信息，或根据行政履职、日常监管的实际需要,按规定查看企业的信用信息；

（二）企业用户可以发布信贷申请及获知审批结果、维护注册信息及信贷申请等信息、申请查看本企业的信用信息、与金融机构进行沟通交流、对其认为存在异议的信息提出异议申请等相关业务；
（三）对接平台提供的其他相关服务。 

 第九条 对接平台用户应履行下列义务： 

（一）对接平台用户应接受对接平台运行和管理机构的管理，遵守对接平台服务准则及其他相关规章制度和管理规定；

（二）政府机构用户在导入企业信用信息前，要进行认真审核，确保其信息的真实性、准确性和完整性，并严格按照相关法律法规及对接平台运行和管理机的有关规定查询和使用企业信用信息；

（三）企业用户填写信息必须真实有效、在信贷业务中要诚实守信；
（四）对接平台用户及其他相关信息使用者应当为其在工作中知悉的信息保密，不得侵犯商业秘密和个人隐私；如发现对国家利益和公共安全有影响的重大信息，除采取相应保密措施外，应立即向平台管理机构反馈；
（五）政府机构用户工作人员调离工作岗位或调整职责，应于5个工作日内向对接平台运行和管理机构提交《广东省中小微企业信用信息和融资对接平台政府机构用户开设或变更申请表》，申请用户停用或变更；

    （六）向对接平台反映情况并提相关建议； 

    （七）积极配合对接平台运行和管理机构开展的系统升级、功能测试等相关工作；
（八）遵守对接平台服务准则和各项规章制度，维护对接平台及对接平台运行和管理机构的合法权益和声誉； 

（九）对接平台管理中规定的其他相关义务。
第十条 企业用户发生下列情形时，应自发生之日起5日内修改用户信息： 

（一）变更企业名称、经营地址及联系方式等； 

（二）变更法定代表人、主要负责人及联络员等； 

（三）变更营业范围、注册资本及单位的组织管理形式等； 

（四）用户认为重要的其他信息变更。 

第十一条 对接平台用户有义务保管好自己的用户名和密码。如果因未保管好而对用户方、对接平台或第三方造成损害的，用户将承担全部责任。 

第四章 用户服务 

    第十二条 对接平台为企业用户与金融机构提供业务撮合和沟通媒介，业务双方应本着诚信、自主、自愿、平等的原则同金融机构进行业务磋商与合作。
    第十三条 对接平台运行和管理机构定期维护平台资讯，为对接平台非金融机构用户提供包括重要通知、扶持政策、金融知识等相关资讯服务。
第十四条 对接平台运行和管理机构为对接平台非金融机构用户提供业务学习和交流的平台，用户可参加其举办的各类业务学习、培训、金融知识讲座等活动。

第五章 管理措施 

第十五条 企业用户违反法律、法规、规章、对接平台管理相关规定，或在信贷业务中存在不诚实守信、妨碍金融机构正常经营等行为的，对接平台运行和管理机构或金融机构有权采取以下措施，包括： 

（一）暂停用户部分或者全部使用权限； 

（二）取消用户资格； 

（三）列入不受欢迎的信贷申请名单； 

（四） 其他必要且符合相关规定的措施。 

本条所列管理措施可以分别单独适用，也可以合并适用。 

第六章 附 则 
第十六条 本办法由中国人民银行广州分行负责解释和修订。 

第十七条 对接平台运行和管理机构有权根据实际情况适时修改本管理办法，并在对接平台上公布修改后的规定。若因此对其他用户或第三方有影响的，对接平台运行和管理机构不承担责任。 

第十八条 本办法自公布之日起施行。 
附件：《广东省中小微企业信用信息和融资对接平台政府机构用户开设或变更申请表》

附件

广东省中小微企业信用信息和融资对接平台

政府机构用户开设或变更申请表
	单位名称
	

	申请日期
	                      年       月       日

	用户使用人（A）信息
	姓名
	

	
	部门/职务
	

	
	联系方式
	

	
	操作类型
	 □开设用户   □撤销用户  □重置密码

	用户使用人（B）信息
	姓名
	

	
	部门/职务
	

	
	联系方式
	

	
	操作类型
	 □开设用户   □撤销用户  □重置密码

	网络设置联系人信息
	姓名
	

	
	部门/职务
	

	
	联系方式
	

	申请单位意见：

我单位申请使用广东省中小微企业信用信息和融资对接平台，开立(变更）政府机构用户，执行对接平台管理的相关规定，接受对接平台管理机构的管理。               

负责人签字：                                                                                  

                                           年   月   日

	以下内容由人民银行填写

	审批结果
	     □ 同意申请             □  退回申请

	业务管理员（A）
	用户名与初始密码
	

	业务管理员（B）
	用户名与初始密码
	

	负责人意见
	年    月    日  

	操作员签名
	年   月    日


注：本表一式两份，开立管理员用户后一份由申请机构留存，一份由人民银行留存。


', '', DATE(UTC_TIMESTAMP()), 'published', UTC_TIMESTAMP());
