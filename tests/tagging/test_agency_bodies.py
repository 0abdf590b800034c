"""Bodies of every kind as letters name them, and their canonical full names: financial regulators and bank
branches, central bodies and their local offices, departments under former and short names, sub-units and
service centres, party, congress, CPPCC and people's organisations, governments, towns, streets and zones,
autonomous prefectures written short."""
from __future__ import annotations

import pytest

from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from tests.tagging.helpers import agencies, tagged

CENTRAL = Jurisdiction()
ANJI = infer_jurisdiction("", "安吉县人民政府办公室", None, None)
DONGGUAN = infer_jurisdiction("", "东莞市人民政府办公室", None, None)
FUJIAN = infer_jurisdiction("", "福建省人民政府", None, None)
GUANGXI = infer_jurisdiction("", "广西壮族自治区人民政府办公厅", None, None)
GUIZHOU = infer_jurisdiction("", "贵州省人民政府办公厅", None, None)
HAINAN = infer_jurisdiction("", "海南省人民政府", None, None)
HAINAN_OFFICE = infer_jurisdiction("", "海南省人民政府办公厅", None, None)
HEFEI = infer_jurisdiction("", "合肥市地方金融监督管理局", None, None)
HESHUI = Jurisdiction(county="合水县", level="county")
HUZHOU = infer_jurisdiction("", "湖州市人民政府办公室", None, None)
JIANGSU = infer_jurisdiction("", "江苏省人民政府办公厅", None, None)
JILIN = infer_jurisdiction("", "吉林省人民政府办公厅", None, None)
JINAN = infer_jurisdiction("", "济南市教育局", None, None)
JINJIANG = Jurisdiction(city="晋江市", level="city")
KUNMING = infer_jurisdiction("", "昆明市人民政府", None, None)
KUNMING_HRSS = infer_jurisdiction("", "昆明市人力资源和社会保障局", None, None)
LINQU = infer_jurisdiction("", "中共临朐县委 临朐县人民政府", None, None)
LINYI = infer_jurisdiction("", "临沂市交通运输局", None, None)
MIANYANG = infer_jurisdiction("", "绵阳市人民政府", None, None)
NANHAI = infer_jurisdiction("", "佛山市南海区人民政府办公室", None, None)
NANHAI_AGRI = infer_jurisdiction("", "佛山市南海区农业农村局", None, None)
NINGBO_BEILUN = infer_jurisdiction("", "宁波市北仑区人民政府", None, None)
QUANZHOU = infer_jurisdiction("", "泉州市人民政府", None, None)
SHENZHEN = infer_jurisdiction("", "深圳市人民政府", None, None)
SHUYANG = Jurisdiction(county="沭阳县", level="county")
WUCHANG = infer_jurisdiction("", "杭州市余杭区五常街道办事处", None, None)
XIAMEN = infer_jurisdiction("", "廈門市人民政府", None, None)
XIANGXI = infer_jurisdiction("", "湘西土家族苗族自治州人民政府办公室", None, None)
YONGNING = Jurisdiction(province="宁夏回族自治区", city="银川市", county="永宁县", level="county")
ZHENGDING = Jurisdiction(county="正定县", level="county")
ZHUZHOU = infer_jurisdiction("", "株洲市人力资源和社会保障局", None, None)
ZS = infer_jurisdiction("", "中山市人民政府办公室", None, None)


# ---------------------------------------------------------------- financial regulators and bank branches
@pytest.mark.parametrize("text, j, expected", [
    # financial regulators' local offices are named with the place's short name
    ("人民银行南京分行、江苏银保监局", JIANGSU,
     [("人民银行南京分行", "中国人民银行南京分行"), ("江苏银保监局", "中国银行保险监督管理委员会江苏监管局")]),
    ("省银保监局、江苏证监局", JIANGSU,
     [("省银保监局", "中国银行保险监督管理委员会江苏监管局"), ("江苏证监局", "中国证券监督管理委员会江苏监管局")]),
    ("经商合肥银保监分局", HEFEI, [("合肥银保监分局", "中国银行保险监督管理委员会合肥监管分局")]),
    ("（人民银行南宁中心支行、广西银监局负责）", GUANGXI,
     [("人民银行南宁中心支行", "中国人民银行南宁中心支行"), ("广西银监局", "中国银行业监督管理委员会广西监管局")]),
    ("县财政局、宁夏银保监局银川监管分局", YONGNING,
     [("县财政局", "永宁县财政局"), ("宁夏银保监局银川监管分局", "中国银行保险监督管理委员会银川监管分局")]),
    ("配合单位：佛山银保监分局南海监管组", NANHAI,
     [("佛山银保监分局南海监管组", "中国银行保险监督管理委员会佛山监管分局南海监管组")]),
    # regulators after the 2023 reform
    ("配合单位：晋江金融监管支局", JINJIANG, [("晋江金融监管支局", "国家金融监督管理总局晋江监管支局")]),
    # 人行 = 中国人民银行, only with a branch after it
    ("（省地方金融監管局牽頭，人行福州中心支行配合）", FUJIAN,
     [("省地方金融監管局", "福建省地方金融監督管理局"), ("人行福州中心支行", "中國人民銀行福州中心支行")]),
    ("（责任单位：市金融工作局、人行绵阳市中心支行）", MIANYANG,
     [("市金融工作局", "绵阳市金融工作局"), ("人行绵阳市中心支行", "中国人民银行绵阳市中心支行")]),
    ("在人行道两侧设置隔离栏", MIANYANG, []),
    ("责任单位：人行湘西州中心支行", XIANGXI, [("人行湘西州中心支行", "中国人民银行湘西州中心支行")]),
    # 外汇局 = 国家外汇管理局 with a branch
    ("（由省商务厅、外汇局海南省分局牵头）", HAINAN_OFFICE,
     [("省商务厅", "海南省商务厅"), ("外汇局海南省分局", "国家外汇管理局海南省分局")]),
    # the regulators' full names head their local offices written after them
    ("中国银行保险监督管理委员会贵州监管局、中国证券监督管理委员会贵州监管局", GUIZHOU,
     [("中国银行保险监督管理委员会贵州监管局", "中国银行保险监督管理委员会贵州监管局"),
      ("中国证券监督管理委员会贵州监管局", "中国证券监督管理委员会贵州监管局")]),
    ("中国银监会连云港监管分局、中国保险监督管理委员会", CENTRAL,
     [("中国银监会连云港监管分局", "中国银行业监督管理委员会连云港监管分局"), ("中国保险监督管理委员会", "中国保险监督管理委员会")]),
])
def test_financial_regulators_and_bank_branches(text, j, expected):
    assert tagged(text, j) == expected


# ---------------------------------------------------------------- central bodies and their local offices
@pytest.mark.parametrize("text, j, expected", [
    # central bodies and their short forms
    ("财政部、海关总署、税务总局、银保监会、证监会", CENTRAL,
     [("财政部", "财政部"), ("海关总署", "海关总署"), ("税务总局", "国家税务总局"),
      ("银保监会", "中国银行保险监督管理委员会"), ("证监会", "中国证券监督管理委员会")]),
    ("商务部、人民银行按职责分工负责", CENTRAL, [("商务部", "商务部"), ("人民银行", "中国人民银行")]),
    ("待各商业银行与人民银行清算完工资", ZS, [("人民银行", None)]),
    ("海关总署广东分署、各直属海关", CENTRAL, [("海关总署广东分署", "海关总署广东分署")]),
    ("新疆生产建设兵团财政局，新疆维吾尔自治区财政厅", CENTRAL,
     [("新疆生产建设兵团财政局", "新疆生产建设兵团财政局"), ("新疆维吾尔自治区财政厅", "新疆维吾尔自治区财政厅")]),
    ("省统计局、国家统计局贵州调查总队负责", GUIZHOU,
     [("省统计局", "贵州省统计局"), ("国家统计局贵州调查总队", "国家统计局贵州调查总队")]),
    # border inspection
    ("大连边检总站要提供便利", Jurisdiction(city="大连市", level="city"),
     [("大连边检总站", "大连出入境边防检查总站")]),
    # a SAR government is 政府, not 人民政府
    ("抄送：香港特别行政区政府", SHENZHEN, [("香港特别行政区政府", "香港特别行政区政府")]),
    # the finance ministry's office in a province
    ("财政部重庆监管局、重庆市财政局", CENTRAL, [("财政部重庆监管局", "财政部重庆监管局"), ("重庆市财政局", "重庆市财政局")]),
    # national institutions issuing with ministries
    ("商务部和中央广播电视总台定于9月组织开展", CENTRAL, [("商务部", "商务部"), ("中央广播电视总台", "中央广播电视总台")]),
    # the state's name written before a ministry is part of the mention, not of its canonical name
    ("中华人民共和国财政部、中华人民共和国国家发展和改革委员会", CENTRAL,
     [("中华人民共和国财政部", "财政部"), ("中华人民共和国国家发展和改革委员会", "国家发展和改革委员会")]),
    ("根据《中华人民共和国民办教育促进法》", CENTRAL, []),
    # bureaus under their everyday short forms, and a ministry's own departments (司) after it
    ("国家林草局、住房城乡建设部要加强业务指导", CENTRAL,
     [("国家林草局", "国家林业和草原局"), ("住房城乡建设部", "住房和城乡建设部")]),
    ("农业部发展计划司、国家乡村振兴局综合司联系人", CENTRAL,
     [("农业部发展计划司", "农业部发展计划司"), ("国家乡村振兴局综合司", "国家乡村振兴局综合司")]),
    ("商务部下属公司承担", CENTRAL, [("商务部", "商务部")]),
])
def test_central_bodies_and_their_local_offices(text, j, expected):
    assert tagged(text, j) == expected


# ---------------------------------------------------------------- departments under former and short names
@pytest.mark.parametrize("text, j, expected", [
    # names in use before the 2018 reform, and shared-prefix lists of them
    ("（自治区商务厅、发展改革委、工业和信息化委按职责分工负责）", GUANGXI,
     [("自治区商务厅", "广西壮族自治区商务厅"), ("发展改革委", "广西壮族自治区发展和改革委员会"),
      ("工业和信息化委", "广西壮族自治区工业和信息化委员会")]),
    ("由县经贸局牵头，县财政局、县地税局、县国税局配合", LINQU,
     [("县经贸局", "临朐县经济贸易局"), ("县财政局", "临朐县财政局"), ("县地税局", "临朐县地方税务局"),
      ("县国税局", "临朐县国家税务局")]),
    ("区发改局、区人力社保局按职责分工负责", NINGBO_BEILUN,
     [("区发改局", "宁波市北仑区发展和改革局"), ("区人力社保局", "宁波市北仑区人力资源和社会保障局")]),
    # the civilisation commissions' offices, a province's and the centre's
    ("由省文明办、中央文明办联合命名", infer_jurisdiction("", "湖北省人民政府", None, None),
     [("省文明办", "湖北省精神文明建设指导委员会办公室"), ("中央文明办", "中央精神文明建设指导委员会办公室")]),
    # a department keeps its own function: 畜牧局 is not 畜牧兽医局, 农委 is 农业委员会
    ("（责任单位：县畜牧局、县财政局）", HESHUI, [("县畜牧局", "合水县畜牧局"), ("县财政局", "合水县财政局")]),
    ("牵头单位：县农委；配合单位：县卫计委", SHUYANG,
     [("县农委", "沭阳县农业委员会"), ("县卫计委", "沭阳县卫生和计划生育委员会")]),
    ("（省旅游委、省金融办负责）", HAINAN,
     [("省旅游委", "海南省旅游发展委员会"), ("省金融办", "海南省人民政府金融工作办公室")]),
    ("（省旅游发展委、省发展改革委负责）", JILIN,
     [("省旅游发展委", "吉林省旅游发展委员会"), ("省发展改革委", "吉林省发展和改革委员会")]),
    ("（责任单位：市政务服务和大数据局）", MIANYANG, [("市政务服务和大数据局", "绵阳市政务服务和大数据局")]),
    # short 委 names and bodies of the 人民政府
    ("（責任單位：市交通運輸委）", QUANZHOU, [("市交通運輸委", "泉州市交通運輸委員會")]),
    ("（责任单位：市国资委）", KUNMING, [("市国资委", "昆明市人民政府国有资产监督管理委员会")]),
    ("（责任单位：市大数据局）", HUZHOU, [("市大数据局", "湖州市大数据发展管理局")]),
    ("（责任单位：市科委、市教委）", infer_jurisdiction("", "上海市人民政府", None, None),
     [("市科委", "上海市科学技术委员会"), ("市教委", "上海市教育委员会")]),
    ("由市台辦負責", XIAMEN, [("市台辦", "廈門市人民政府臺灣事務辦公室")]),
    ("（市卫生健康委、市疾控局按职责分工负责）", infer_jurisdiction("", "天津市人民政府办公厅", None, None),
     [("市卫生健康委", "天津市卫生健康委员会"), ("市疾控局", "天津市疾病预防控制局")]),
    ("给予一次性补助5万元。(市市场局、工信局)", infer_jurisdiction("", "辽源市人民政府", None, None),
     [("市市场局", "辽源市市场监督管理局"), ("工信局", "辽源市工业和信息化局")]),
    # merged bureaus written with 和
    ("区自然资源局、区住房城乡建设和水利局", NANHAI,
     [("区自然资源局", "佛山市南海区自然资源局"), ("区住房城乡建设和水利局", "佛山市南海区住房城乡建设和水利局")]),
    # two functions joined by 和 under one suffix, also where the second opens with a level character (市容)
    ("由县文化广电和旅游体育局牵头,县财政局和教育局配合。", ANJI,
     [("县文化广电和旅游体育局", "安吉县文化广电和旅游体育局"), ("县财政局", "安吉县财政局"), ("教育局", "安吉县教育局")]),
    ("上海市绿化和市容管理局关于做好林长制工作的通知", CENTRAL, [("上海市绿化和市容管理局", "上海市绿化和市容管理局")]),
])
def test_departments_under_former_short_and_merged_names(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, issuer", [
    ("推动农贸市场局部改造", "辽源市人民政府"),                                   # 局部, not a 市场局
    ("根据《西藏自治区政府性融资担保高质量发展的意见》", "西藏自治区财政厅"),         # 政府性: governmental
    ("吉林省政府信息公开专栏", "吉林省人民政府"),                                 # 政府信息: government information
])
def test_words_that_run_on_past_a_bodys_name_are_no_bodies(text, issuer):
    assert agencies(text, issuer) == []


# ---------------------------------------------------------------- sub-units, firms and service centres
@pytest.mark.parametrize("text, j, expected", [
    # sub-units: a traffic police detachment, a firm's office
    ("市公安局交警支队会同办理", LINYI, [("市公安局交警支队", "临沂市公安局交通警察支队")]),
    ("市商务局、中国信保广东分公司东莞办事处", DONGGUAN,
     [("市商务局", "东莞市商务局"), ("中国信保广东分公司东莞办事处", "中国出口信用保险公司广东分公司东莞办事处")]),
    # a state firm's county company: tagged, full name not certain
    ("国网正定县供电公司配合做好线路迁改", ZHENGDING, [("国网正定县供电公司", None)]),
    # public service centres named as units get the county prefix
    ("（牵头单位：县财政局、县金融发展服务中心）", ANJI,
     [("县财政局", "安吉县财政局"), ("县金融发展服务中心", "安吉县金融发展服务中心")]),
    ("县农机服务中心、县住房公积金管理中心", YONGNING,
     [("县农机服务中心", "永宁县农机服务中心"), ("县住房公积金管理中心", "永宁县住房公积金管理中心")]),
    # a supply and marketing cooperative federation named as a unit
    ("县财政局、县供销合作社联合社配合", YONGNING,
     [("县财政局", "永宁县财政局"), ("县供销合作社联合社", "永宁县供销合作社联合社")]),
    # a government's standing headquarters written after it
    ("县人民政府防汛抗旱指挥部办公室负责", YONGNING, [("县人民政府防汛抗旱指挥部办公室", "永宁县人民政府防汛抗旱指挥部办公室")]),
    # a level's safety committee and flood or forest-fire headquarters written short
    ("报送县安委会办公室。县安委会负责统筹。", YONGNING,
     [("县安委会办公室", "永宁县安全生产委员会办公室"), ("县安委会", "永宁县安全生产委员会")]),
    ("经县防指研究决定,县森防指加强巡查。", YONGNING, [("县防指", "永宁县防汛抗旱指挥部"), ("县森防指", None)]),
    # …and written after the government whose committee it is
    ("根据国务院安委会办公室和省政府安委会的通知", FUJIAN,
     [("国务院安委会办公室", "国务院安全生产委员会办公室"), ("省政府安委会", "福建省人民政府安全生产委员会")]),
    # a government's own offices written after it
    ("安吉县人民政府外事办公室、县政府新闻办负责", ANJI,
     [("安吉县人民政府外事办公室", "安吉县人民政府外事办公室"), ("县政府新闻办", "安吉县人民政府新闻办公室")]),
    ("县人民政府教育督导室会同县政府政务服务中心", YONGNING,
     [("县人民政府教育督导室", "永宁县人民政府教育督导室"), ("县政府政务服务中心", "永宁县人民政府政务服务中心")]),
    # a party committee's community-governance commission
    ("市委社治委、市城管委按职责分工负责", infer_jurisdiction("", "成都市人民政府办公厅", None, None),
     [("市委社治委", "中共成都市委城乡社区发展治理委员会"), ("市城管委", "成都市城市管理委员会")]),
    # a Shanghai district's construction and administration commission, written short
    ("区建设管理委负责,区建管委会配合", infer_jurisdiction("", "上海市长宁区人民政府", None, None),
     [("区建设管理委", "上海市长宁区建设和管理委员会"), ("区建管委会", "上海市长宁区建设和管理委员会")]),
    # a zone written bare in a county's document is the county's own zone
    ("各乡镇人民政府、经济开发区管委会,县经济开发区管委会", infer_jurisdiction("", "灵璧县人民政府办公室", None, None),
     [("经济开发区管委会", "灵璧经济开发区管理委员会"), ("县经济开发区管委会", "灵璧经济开发区管理委员会")]),
    # a two-character county names its zone whole, never after its city (no 聊城县)
    ("各乡镇人民政府、街道办事处,县经济开发区管委会", infer_jurisdiction("", "冠县人民政府办公室", None, None),
     [("县经济开发区管委会", "冠县经济开发区管理委员会")]),
    # a zone's name never runs back over a verb written into it
    ("《办法》已经高新区管委会审议通过。省人民政府设立洋浦经济开发区管理委员会。", HAINAN,
     [("高新区管委会", None), ("省人民政府", "海南省人民政府"), ("洋浦经济开发区管理委员会", None)]),
    # a county's party committee and government written together without a mark: two bodies
    ("中共滦县县委滦县人民政府关于实施乡村振兴战略的意见", Jurisdiction(province="河北省", city="唐山市", county="滦县", level="county"),
     [("中共滦县县委", "中共滦县委员会"), ("滦县人民政府", "滦县人民政府")]),
    # a board named by its work writes its board word in full
    ("报市住房公积金管委会审定", infer_jurisdiction("", "嘉兴市人民政府办公室", None, None),
     [("市住房公积金管委会", "嘉兴市住房公积金管理委员会")]),
    # a congress's working committees and a police bureau's brigades named by their work after their body
    ("抄送:市人大常委会人事工委,市政府办公室。", LINYI,
     [("市人大常委会人事工委", "临沂市人民代表大会常务委员会人事工委"), ("市政府办公室", "临沂市人民政府办公室")]),
    ("由颍上县公安局刑侦大队负责", LINYI, [("颍上县公安局刑侦大队", "颍上县公安局刑侦大队")]),
    ("由贵港市公安局交通警察支队三大队负责", LINYI, [("贵港市公安局交通警察支队三大队", "贵港市公安局交通警察支队三大队")]),
    # …never a post in it
    ("市公安局交警支队大队长张三", LINYI, [("市公安局交警支队", "临沂市公安局交通警察支队")]),
    # a government's open-government office: its 公开办 is no verb 开办
    ("江西省人民政府政务公开办公室关于公布名单。报省政府政务公开办备案。", infer_jurisdiction("", "江西省人民政府", None, None),
     [("江西省人民政府政务公开办公室", "江西省人民政府政务公开办公室"), ("省政府政务公开办", "江西省人民政府政务公开办公室")]),
    # the civil aviation administration written short
    ("经民航局批准,中国民航局同意", CENTRAL, [("民航局", "中国民用航空局"), ("中国民航局", "中国民用航空局")]),
])
def test_sub_units_firms_and_service_centres(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # the standard 综合行政执法 name of a city's urban-management bureau
    ("协办单位为市财政局、市城市管理综合行政执法局。", "邯郸市住房和城乡建设局",
     ("市城市管理综合行政执法局", "邯郸市城市管理综合行政执法局")),
    # a county's tea-industry centre (事业单位), in traditional script too
    ("由县茶产业发展中心组织技术培训。", "凤冈县农业农村局", ("县茶产业发展中心", "凤冈县茶产业发展中心")),
    ("組織縣茶產業發展中心技術人員開展培訓。", "正安縣農業農村局", ("縣茶產業發展中心", "正安縣茶產業發展中心")),
])
def test_enforcement_bureaus_and_county_centres_under_their_issuers_place(text, issuer, expected):
    assert expected in agencies(text, issuer)


@pytest.mark.parametrize("text, issuer, expected", [
    # stations, offices and management units of a public service, after a level prefix
    ("由县茶业技术推广站负责技术指导。", "凤冈县农业农村局", [("县茶业技术推广站", "凤冈县茶业技术推广站")]),
    ("市公厕管理处负责日常保洁。", "邯郸市住房和城乡建设局", [("市公厕管理处", "邯郸市公厕管理处")]),
    ("由县科创中心负责受理。", "凤冈县农业农村局", [("县科创中心", "凤冈县科创中心")]),
    # not bodies: a place of business, a public place, a goal
    ("在县加油站附近设置标志。", "凤冈县农业农村局", []),
    ("公共场所禁止吸烟。", "邯郸市住房和城乡建设局", []),
    ("建设区域科技创新中心。", "邯郸市住房和城乡建设局", []),
])
def test_public_service_stations_and_management_units_after_a_level_prefix(text, issuer, expected):
    assert agencies(text, issuer) == expected


# ---------------------------------------------------------------- party, congress, CPPCC and people's organisations
@pytest.mark.parametrize("text, j, expected", [
    ("牵头单位：市委人才办", JINJIANG, [("市委人才办", "中共晋江市委人才工作领导小组办公室")]),
    ("牵头单位：省委人才发展局", HAINAN_OFFICE, [("省委人才发展局", "中共海南省委人才发展局")]),
    # congress and CPPCC committees
    ("抄送：市人大常委会人事代表工作委员会", ZHUZHOU,
     [("市人大常委会人事代表工作委员会", "株洲市人民代表大会常务委员会人事代表工作委员会")]),
    ("抄送：市人大常委会教育科学文化卫生工作委员会", JINAN,
     [("市人大常委会教育科学文化卫生工作委员会", "济南市人民代表大会常务委员会教育科学文化卫生工作委员会")]),
    ("州政协教科卫体委员会开展视察", XIANGXI,
     [("州政协教科卫体委员会", "中国人民政治协商会议湘西土家族苗族自治州委员会教科卫体委员会")]),
    ("抄送：区政协提案委", NANHAI_AGRI, [("区政协提案委", "中国人民政治协商会议佛山市南海区委员会提案委员会")]),
    # people's organisations named as units
    ("县农业农村局牵头，县妇联配合", ZHENGDING,
     [("县农业农村局", "正定县农业农村局"), ("县妇联", "正定县妇女联合会")]),
    ("经商市财政局、团市委", KUNMING_HRSS, [("市财政局", "昆明市财政局"), ("团市委", "共青团昆明市委员会")]),
    ("(责任单位:市经信委,高新区管委会、经开区管委会)", infer_jurisdiction("", "襄阳市人民政府办公室", None, None),
     [("市经信委", "襄阳市经济和信息化委员会"), ("高新区管委会", "襄阳高新技术产业开发区管理委员会"),
      ("经开区管委会", "襄阳经济技术开发区管理委员会")]),
    ("(责任单位:省市场监管局、省工商联)", HAINAN,
     [("省市场监管局", "海南省市场监督管理局"), ("省工商联", "海南省工商业联合会")]),
    ("由集团市委托管的企业", KUNMING_HRSS, []),
])
def test_party_congress_cppcc_and_peoples_organisations(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    ("省委深改办、省人大常委会法工委", "海南省人民政府",
     [("省委深改办", "中共海南省委全面深化改革委员会办公室"),
      ("省人大常委会法工委", "海南省人民代表大会常务委员会法制工作委员会")]),
    ("两江新区管委会、重庆海关", "重庆市人民政府办公厅",
     [("两江新区管委会", "重庆两江新区管理委员会"), ("重庆海关", "重庆海关")]),
    ("昆山开发区管委会", "昆山市人民政府", [("昆山开发区管委会", "昆山开发区管理委员会")]),
    # a board's own bureau after it, not a city's (白山市) bureau inside a mountain zone's name
    ("各市(州)工信局,长白山管委会经发局、梅河口市工信局", "吉林省工业和信息化厅",
     [("长白山管委会经发局", None), ("梅河口市工信局", "梅河口市工业和信息化局")]),
    ("长白山管委会组织县财政局", "吉林省工业和信息化厅", [("长白山管委会", None), ("县财政局", None)]),
])
def test_party_and_congress_offices_and_zone_boards(text, issuer, expected):
    assert tagged(text, infer_jurisdiction("", issuer, None, None)) == expected


# ---------------------------------------------------------------- governments, towns, streets and zones
@pytest.mark.parametrize("text, j, expected", [
    # a body whose leader chairs a group is still the body acting (分管, not 分局)
    ("成立由市政府分管領導任組長的領導小組", QUANZHOU, [("市政府", "泉州市人民政府")]),
    ("成立由省政府分管领导任组长的领导小组", HAINAN_OFFICE, [("省政府", "海南省人民政府")]),
    # an award named after a body is a programme
    ("对获得中国质量奖、广东省政府质量奖的企业", NANHAI, []),
    # a shared suffix: the bare place stands for its own government
    ("（责任单位：省财政厅，海口市、三亚市人民政府）", HAINAN_OFFICE,
     [("省财政厅", "海南省财政厅"), ("海口市", "海口市人民政府"), ("三亚市人民政府", "三亚市人民政府")]),
    # towns and streets
    ("经商区财政局、狮山镇人民政府、西樵镇政府", NANHAI_AGRI,
     [("区财政局", "佛山市南海区财政局"), ("狮山镇人民政府", "佛山市南海区狮山镇人民政府"),
      ("西樵镇政府", "佛山市南海区西樵镇人民政府")]),
    ("杭州市余杭区五常街道办事处", WUCHANG, [("杭州市余杭区五常街道办事处", "杭州市余杭区五常街道办事处")]),
    ("根据区住建局有关工作要求，经街道党工委研究", WUCHANG,
     [("区住建局", "杭州市余杭区住房和城乡建设局"), ("街道党工委", None)]),
    # a zone run by a 管理局; a bare zone word after a 各 item shares the 各
    ("深圳市前海深港现代服务业合作区管理局关于印发", SHENZHEN,
     [("深圳市前海深港现代服务业合作区管理局", "深圳市前海深港现代服务业合作区管理局")]),
    ("各區人民政府、開發區管委會可結合實際制定配套措施", XIAMEN, []),
    ("各市（州）人民政府、贵安新区管委会负责", GUIZHOU, [("贵安新区管委会", None)]),
    # a place in brackets inside a zone's name: the name is whole and names its own place; a mountain's
    # board is named after the mountain, whole (长白山, not 白山市)
    ("长白山管委会,长春新区、中韩(长春)国际合作示范区管委会,各县(市)人民政府:", JILIN,
     [("长白山管委会", None), ("长春新区", "长春新区管理委员会"), ("中韩(长春)国际合作示范区管委会", "中韩(长春)国际合作示范区管理委员会")]),
    # a CPPCC written 政协 + place before its session; a CPPCC proposal is a document, its committee a body
    ("关于对政协蒙自市三届四次会议笫40号提案的答复", Jurisdiction(),
     [("政协蒙自市", "中国人民政治协商会议蒙自市委员会")]),
    ("对政协沧县第十四届委员会第一次会议第27号提案的答复", Jurisdiction(),
     [("政协沧县第十四届委员会", "中国人民政治协商会议沧县委员会")]),
    ("交由我县办理的市人大代表建议和政协提案各1件。请报市政协提案委。", Jurisdiction(),
     [("市政协提案委", None)]),
    # levels listed before one body below the letter's own level: every such place's body, a collective;
    # levels above it: one body each (省、市政府 in a district's letter)
    ("研究县(市)、区政府和市政府部门请示。", infer_jurisdiction("", "长春市人民政府办公厅", None, None), []),
    ("按照权限分别由市、区人民政府负责。", infer_jurisdiction("", "重庆市人民政府", None, None), []),
    ("省、自治区、直辖市人民政府,国务院各部委:", Jurisdiction(), []),
    ("及时承接落实省、市政府取消的事项", Jurisdiction(city="鞍山市", county="鞍山市铁东区", level="county"),
     [("市政府", "鞍山市人民政府")]),
    # a name after 建议 (a reply asks a body to act); an office for proposals under a government
    ("渔港脏乱差面貌。建议陆丰市政府统筹协调。报:市人民政府建议提案办公室", Jurisdiction(),
     [("陆丰市政府", "陆丰市人民政府"), ("市人民政府建议提案办公室", None)]),
    # 政府 or 管委会 written bare as the actor; not inside a name
    ("验收合格后,由政府一次性发给肥料奖励。经党委、管委会研究同意,现将措施印发给你们。", Jurisdiction(),
     [("政府", None), ("管委会", None)]),
    ("对于当年认定的高新技术企业,政府给予一次性奖励资金10万元。", Jurisdiction(province="新疆维吾尔自治区", city="博尔塔拉蒙古自治州",
                                                         county="精河县", level="county"),
     [("政府", "精河县人民政府")]),
    ("市场和政府的关系。", Jurisdiction(), []),
    # committees of a congress's standing committee, short and long
    ("请市人大常委会人代选工委统一交办。抄送:省人大常委会选举联络工作委员会。", Jurisdiction(),
     [("市人大常委会人代选工委", None), ("省人大常委会选举联络工作委员会", None)]),
    # a verb ending in 办 is an action, not an office
    ("国内州外投资者到阿坝州投资兴办的生产性项目,由州招商局引进", Jurisdiction(),
     [("州招商局", None)]),
    # a site label glued before a city's body is no part of its place (标题|福州市)
    ("标题福州市商务局 福州市财政局印发关于促进商贸行业稳增长的若干措施的通知",
     Jurisdiction(province="福建省", city="福州市", level="city"),
     [("福州市商务局", "福州市商务局"), ("福州市财政局", "福州市财政局")]),
])
def test_governments_towns_streets_and_zones(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    ("下午召集区城管局、解放街道等部门单位就有关事项研究。", "赣州市章贡区商务局",
     [("区城管局", "赣州市章贡区城市管理局"), ("解放街道", "赣州市章贡区解放街道办事处")]),
    ("同时,邱村镇、市交管大队等相关单位已结合文明创建开展工作。", "广德市教育体育局",
     [("邱村镇", "广德市邱村镇人民政府")]),
    ("对邱村镇中心小学白马湖校区进行调研。", "广德市教育体育局", []),
])
def test_a_town_or_sub_district_in_a_list_of_units_stands_for_its_government(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # a zone's own department keeps the zone name; its official name is not certain
    ("各县区科技局、财政局，高新区科技局、财政局，各有关单位：", "咸阳市科学技术局", ("高新区科技局", None)),
    ("各县（市、区）财政局，经开区财政局：", "洛阳市财政局", ("经开区财政局", None)),
])
def test_a_zones_own_department_keeps_the_zone_name(text, issuer, expected):
    assert expected in agencies(text, issuer)


def test_district_department_after_a_zone_board_is_not_extended():
    found = agencies("高新区管委会、区科技局配合。", "宝鸡市人民政府")
    assert [t for t, _ in found] == ["高新区管委会", "区科技局"]


# ---------------------------------------------------------------- autonomous prefectures written short
@pytest.mark.parametrize("text, j, expected", [
    # an autonomous prefecture written short: 湘西自治州, 湘西州
    ("中共湘西自治州委办公室 湘西自治州人民政府办公室", XIANGXI,
     [("中共湘西自治州委办公室", "中共湘西土家族苗族自治州委办公室"),
      ("湘西自治州人民政府办公室", "湘西土家族苗族自治州人民政府办公室")]),
    ("黔东南州财政局", infer_jurisdiction("", "黔东南苗族侗族自治州人民政府", None, None),
     [("黔东南州财政局", "黔东南苗族侗族自治州财政局")]),
])
def test_autonomous_prefectures_written_short(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # a town's or sub-district's own letter, its county not written: 镇政府, 镇党委, 街道办事处 are its own
    ("要求镇政府在继续重视加强监管。", "兰亭镇人民政府", [("镇政府", "兰亭镇人民政府")]),
    ("由街道经发办提出方案,报街道办事处研究后确定。", "柯岩街道办事处",
     [("街道经发办", "柯岩街道经发办"), ("街道办事处", "柯岩街道办事处")]),
    # elsewhere a bare 街道办事处 is any sub-district's
    ("各街道办事处要认真落实。", "灵璧县人民政府", []),
])
def test_a_town_or_sub_districts_own_bodies_written_bare(text, issuer, expected):
    assert agencies(text, issuer) == expected


def test_an_unsigned_sub_district_policy_is_named_after_its_sub_district():
    j = infer_jurisdiction("", None, "柯岩街道二○○五年农业激励政策意见", None)
    assert j.town == "柯岩街道"


@pytest.mark.parametrize("text, issuer, expected", [
    # a division named by its function after its department, kept as written
    ("报省财政厅经济建设处审核。", "吉林省财政厅", [("省财政厅经济建设处", "吉林省财政厅经济建设处")]),
    ("河北省民政厅区划地名处", "河北省民政厅", [("河北省民政厅区划地名处", "河北省民政厅区划地名处")]),
    # not a division: a verb after the body, or the next body of a joint signature
    ("市财政局依法处理。", "邯郸市人民政府", [("市财政局", "邯郸市财政局")]),
    ("县农业局科学种植", "灵璧县人民政府", [("县农业局", "灵璧县农业局")]),
])
def test_a_division_written_after_its_department(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # an organ named by its work after a party committee is one body, kept as written
    ("由省委军民融合办、省发展改革委负责。", "江西省人民政府办公厅",
     [("省委军民融合办", "中共江西省委军民融合办"), ("省发展改革委", "江西省发展和改革委员会")]),
    ("经区委实施乡村振兴战略领导小组同意，", "广元市朝天区人民政府",
     [("区委实施乡村振兴战略领导小组", "中共广元市朝天区委实施乡村振兴战略领导小组")]),
    # a list of bodies, or the committee's own act, is no organ
    ("省委和省政府为民办实事", "福建省人民政府", [("省委", "中共福建省委员会"), ("省政府", "福建省人民政府")]),
    ("县委关于成立脱贫攻坚领导小组的通知", "灵璧县人民政府", [("县委", "中共灵璧县委员会")]),
])
def test_an_organ_named_by_its_work_after_a_party_committee(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    ("经会同市工商局、市政府法制办研究办理", "重庆市公安局",
     [("市工商局", "重庆市工商行政管理局"), ("市政府法制办", "重庆市人民政府法制办公室")]),
    ("经征求省法制办意见", "海南省国土环境资源厅", [("省法制办", "海南省人民政府法制办公室")]),   # the government's office
    ("由市经合局负责招商。", "延安市人民政府", [("市经合局", "延安市经济合作局")]),
    ("待县规委会审查通过后立即组织实施", "大英县人民政府办公室", [("县规委会", "大英县规划委员会")]),
    # 原: the former body
    ("原市公厕管理处负责的公厕建设审批权限", "通化市东昌区住房和城乡建设局", [("市公厕管理处", "通化市公厕管理处")]),
])
def test_government_offices_commissions_and_former_bodies(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # 党委、政府: the government written bare after its party committee shares the prefix
    ("按照自治区党委、政府关于美丽乡村建设的安排", "宁夏回族自治区人民政府办公厅",
     [("自治区党委", "中共宁夏回族自治区委员会"), ("政府", "宁夏回族自治区人民政府")]),
    ("戌街乡党委、政府积极向上级争取项目资金", "牟定县戌街乡人民政府",
     [("戌街乡党委", "中共牟定县戌街乡委员会"), ("政府", "牟定县戌街乡人民政府")]),
    # only a top body's partner: 政府采购 after a bureau is a purchase, not a body
    ("县财政局、政府采购中心", "灵璧县人民政府", [("县财政局", "灵璧县财政局")]),
])
def test_a_top_body_written_bare_after_its_partner_shares_the_prefix(text, issuer, expected):
    assert agencies(text, issuer) == expected


def test_a_city_departments_branch_in_the_district_takes_the_city_bureaus_name():
    assert agencies("区国土分局、区公安分局负责", "昆明市官渡区人民政府") == [
        ("区国土分局", "昆明市国土资源局官渡分局"), ("区公安分局", "昆明市公安局官渡分局")]


@pytest.mark.parametrize("text, issuer, expected", [
    # a county whose stem is also a common noun, before the full 人民政府
    ("市政府决定,盘山县人民政府、大洼县人民政府为先进单位", "盘锦市人民政府",
     [("市政府", "盘锦市人民政府"), ("盘山县人民政府", "盘山县人民政府"), ("大洼县人民政府", "大洼县人民政府")]),
    # the traffic management bureau under a city's public security bureau
    ("北京市公安局公安交通管理局决定", "北京市公安局", [("北京市公安局公安交通管理局", "北京市公安局公安交通管理局")]),
])
def test_counties_named_like_nouns_and_traffic_bureaus(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # former ministries and commissions under their names of the time
    ("根据文化部文化产业专家委员会评审意见,经商财政部研究", "文化部办公厅", [("文化部", "文化部"), ("财政部", "财政部")]),
    ("由国家计委和水电部代管", "国务院办公厅", [("国家计委", "国家计划委员会"), ("水电部", "水利电力部")]),
    # an ethnic autonomous county written in full
    ("秀山土家族苗族自治县交通运输委员会", "重庆市交通局",
     [("秀山土家族苗族自治县交通运输委员会", "秀山土家族苗族自治县交通运输委员会")]),
])
def test_former_ministries_and_autonomous_counties(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # a municipality's traffic administration under its public security bureau, its urban-management
    # commission written short, its fire and rescue corps
    ("由市公安局交管局、市城市管理委、市消防救援总队负责。", "北京市人民政府办公厅",
     [("市公安局交管局", "北京市公安局交通管理局"), ("市城市管理委", "北京市城市管理委员会"),
      ("市消防救援总队", "北京市消防救援总队")]),
    # a road transport office written short
    ("市运管所对线路进行了调研。", "赤水市交通局", [("市运管所", "赤水市道路运输管理所")]),
    # 区 before a department in an autonomous region's own document is the region
    ("配合单位:区公安厅、司法厅、税务局", "西藏自治区人民政府",
     [("区公安厅", "西藏自治区公安厅"), ("司法厅", "西藏自治区司法厅"), ("税务局", "国家税务总局西藏自治区税务局")]),
])
def test_bodies_written_short_and_an_autonomous_regions_own_prefix(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer", [
    # a bare core after a 各 item of a recipients list shares its 各
    ("各縣區商務主管部門、財政局,各有關單位:", "柳州市商務局"),
    # villages' self-governing committees, an institution here
    ("《重庆市村民委员会选举规程(试行)》", "重庆市永川区人民政府"),
])
def test_collectives_and_institutions_are_no_bodies(text, issuer):
    assert agencies(text, issuer) == []


def test_zones_an_item_supports_are_no_units_only_those_of_its_unit_list():
    text = "支持区县(自治县)和两江新区、重庆高新区开展试点。(责任单位:市商务委、万盛经开区)"
    assert agencies(text, "重庆市人民政府办公厅") == [("市商务委", "重庆市商务委员会"), ("万盛经开区", None)]


@pytest.mark.parametrize("text, issuer, expected", [
    # a city department's branch in the document's own county, named with the county's short name
    ("由市生态环境局双牌分局负责", "双牌县人民政府", [("市生态环境局双牌分局", "永州市生态环境局双牌分局")]),
    ("市公安局官渡分局", "昆明市官渡区人民政府", [("市公安局官渡分局", "昆明市公安局官渡分局")]),
    # the central bank's local office named by its level (its branch's name changed in 2023: canonical open)
    ("(市人民银行、市商务局)", "韶关市人民政府", [("市人民银行", None), ("市商务局", "韶关市商务局")]),
    # a department name in another order, written short; a party committee's leading group
    ("县文旅广体局", "双牌县人民政府", [("县文旅广体局", "双牌县文化旅游广电体育局")]),
    ("县委农村工作领导小组", "双牌县人民政府", [("县委农村工作领导小组", "中共双牌县委农村工作领导小组")]),
    ("州委人才工作领导小组", "黔西南布依族苗族自治州人民政府",
     [("州委人才工作领导小组", "中共黔西南布依族苗族自治州委人才工作领导小组")]),
    ("省委全面深化改革委员会办公室、省政府发展研究中心", "海南省旅游和文化广电体育厅",
     [("省委全面深化改革委员会办公室", "中共海南省委全面深化改革委员会办公室"), ("省政府发展研究中心", "海南省人民政府发展研究中心")]),
])
def test_branches_local_offices_and_groups_below_a_body(text, issuer, expected):
    assert agencies(text, issuer) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    # a county whose name begins with 和, after an approval's 同意 and at a line's start
    ("同意和静县人民政府撤销巴音布鲁克区公所", "巴音郭楞蒙古自治州人民政府", [("和静县人民政府", "和静县人民政府")]),
    ("和布克赛尔县交通运输局", "塔城地区行政公署", [("和布克赛尔县交通运输局", "和布克赛尔县交通运输局")]),
    # 和 still joins two bodies of the letter's own county
    ("县财政局和县农业局", "盘山县人民政府", [("县财政局", "盘山县财政局"), ("县农业局", "盘山县农业局")]),
])
def test_counties_whose_name_begins_with_a_joining_word(text, issuer, expected):
    assert agencies(text, issuer) == expected


def test_former_commissions_and_joint_central_offices_written_short():
    assert agencies("按国家发展计划委要求,中办国办印发了意见", "南宁市人民政府") == [
        ("国家发展计划委", "国家发展计划委员会"), ("中办国办", None)]


def test_bare_bodies_listed_after_a_collective_item_in_a_recipient_line_share_its_each():
    text = "各市县教育局、党委编办、发展改革委、公安局、财政局:\n各区人民政府、市发展改革委、市财政局:\n"
    assert [t for t, _ in tagged(text, HAINAN)] == ["市发展改革委", "市财政局"]


def test_a_ministrys_department_named_in_brackets_after_it_is_that_ministrys_and_a_division_keeps_no_name():
    text = "请将申报材料报工业和信息化部(规划司)。市财政局(综合处)负责。"
    assert tagged(text, ZS)[1:] == [("规划司", "工业和信息化部规划司"), ("市财政局", "中山市财政局"), ("综合处", None)]


@pytest.mark.parametrize("text,issuer,expected", [
    ("由省中医药局负责。", "甘肃省人民政府办公厅", [("省中医药局", "甘肃省中医药管理局")]),
    ("(责任单位:区数据局、区城运中心)", "上海市普陀区人民政府办公室", [("区数据局", "上海市普陀区数据局"),
                                                          ("区城运中心", "上海市普陀区城市运行管理中心")]),
    ("(责任单位:市工业和信息化局、审批服务管理局等)", "中卫市人民政府办公室",
     [("市工业和信息化局", "中卫市工业和信息化局"), ("审批服务管理局", "中卫市审批服务管理局")]),
])
def test_departments_of_particular_places_under_their_short_names(text, issuer, expected):
    assert tagged(text, infer_jurisdiction("", issuer, None, None)) == expected


def test_a_prefectures_bodies_written_after_地区_are_the_prefectures_own():
    ali = Jurisdiction(province="西藏自治区", city="阿里地区", level="city")
    assert tagged("由地区医保局负责,地区财政局配合。", ali) == [("地区医保局", "阿里地区医疗保障局"),
                                                            ("地区财政局", "阿里地区财政局")]
    assert tagged("贫困地区教育局", Jurisdiction(province="广东省", city="中山市", level="city")) == [("地区教育局", None)]


def test_a_patriotic_health_committee_and_its_office_under_their_short_names():
    xuancheng = infer_jurisdiction("", "宣城市卫生健康委员会", None, None)
    assert tagged("根据市爱卫会的部署,市爱卫办负责督导。", xuancheng) == [
        ("市爱卫会", "宣城市爱国卫生运动委员会"), ("市爱卫办", "宣城市爱国卫生运动委员会办公室")]


def test_a_zone_listed_before_another_zones_board_stands_for_its_own_board():
    fuyang = infer_jurisdiction("", "阜阳市人民政府办公室", None, None)
    assert tagged("(责任单位:市人社局、阜阳经开区、阜合园区管委会)", fuyang)[1:] == [
        ("阜阳经开区", "阜阳经济技术开发区管理委员会"), ("阜合园区管委会", "阜阳阜合园区管理委员会")]


def test_a_governments_assets_commission_written_after_it_is_one_body():
    gansu = infer_jurisdiction("", "甘肃省人民政府办公厅", None, None)
    assert tagged("(省工信委牵头,省政府国资委、省统计局配合)", gansu) == [
        ("省工信委", "甘肃省工业和信息化委员会"), ("省政府国资委", "甘肃省人民政府国有资产监督管理委员会"),
        ("省统计局", "甘肃省统计局")]


@pytest.mark.parametrize("written,canonical", [
    ("中央组织部", "中共中央组织部"), ("中宣部", "中共中央宣传部"), ("中央政法委", "中共中央政法委员会"),
    ("国防科工局", "国家国防科技工业局"), ("国管局", "国家机关事务管理局"), ("中科院", "中国科学院"),
    ("国务院医改办", "国务院深化医药卫生体制改革领导小组办公室"),
])
def test_central_bodies_under_their_everyday_short_names(written, canonical):
    assert tagged(f"由{written}负责。", CENTRAL) == [(written, canonical)]


def test_an_ethnic_autonomous_county_written_without_its_peoples_is_that_county():
    text = "屏边县文化体育旅游和广播电视局对县人大代表建议第76号的答复"
    j = infer_jurisdiction(text, "屏边县文化体育旅游和广播电视局", None, None)
    assert (j.province, j.county) == ("云南省", "屏边苗族自治县")
    assert tagged(text, j) == [("屏边县文化体育旅游和广播电视局", "屏边苗族自治县文化体育旅游和广播电视局")]


def test_a_governments_offices_management_bureau_written_after_it_is_one_body():
    j = Jurisdiction(province="广东省", city="清远市", county="连州市", level="county")
    assert tagged("连州市人民政府机关事务管理局关于开展统计的通知", j) == [("连州市人民政府机关事务管理局", "连州市人民政府机关事务管理局")]
