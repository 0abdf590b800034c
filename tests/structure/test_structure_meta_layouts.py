"""Header elements in the layouts real web copies print them in (documents of corpora/real outside the
frozen test split): each case names the layout it stands for."""
import pytest

from pipeline.structure import parse_structure
from pipeline.extraction import extract
from tests.corpus import ROOT

REAL = ROOT / "corpora" / "real" / "raw"


def _meta(doc: str):
    return extract(REAL / f"{doc}.txt", isolate=False).meta


CASES = [
    # a title over three lines whose head cannot stand alone (…关于 / 印发《… / …》…的通知)
    ("gannan-2013-measures-zizhi-tiaoli", "title", "甘南藏族自治州人民政府关于印发《甘肃省甘南藏族自治州自治条例》实施办法的通知"),
    # a notice's title, not the attached document's title printed under it
    ("shanxi-2018-measures-lantian-pdf", "title", "山西省人民政府关于印发山西省打赢蓝天保卫战三年行动计划的通知"),
    # attachment names (附件:1. …名单) and an attachment's own title (附件 / …名单) are no title
    ("guangxi-2010-notice-one-village-one-product", "title", None),
    ("shanghai-linzhang-2024-notice-standard-offices", "title", None),
    # a doc number after the title on a site's summary line
    ("czb-nyncb-2020-notice-transfer-funds", "doc_number", "财农〔2020〕10号"),
    # 号 lost: in a 发文字号 field, or alone on its line under the title
    ("haidian-2014-measures-industry", "doc_number", "海行规发[2014]10"),
    ("miit-2018-notice-wenzengzhang-digits-dropped", "doc_number", "工信厅规函[2018]56"),
    # 年月日 lost in the signature date (201827, 20151214 after the cover's last sentence)
    ("miit-2018-notice-wenzengzhang-digits-dropped", "date", "2018-02-07"),
    ("nanning-2015-measures-law-enforcement-rules", "date", "2015-12-14"),
    # the date at the end of the body's last line
    ("hainan-2005-notice-afforestation-awards", "date", "2005-02-07"),
    # 二0一七: a digit zero among Chinese numerals
    ("huarong-2017-reply-rd-69", "date", "2017-05-26"),
    # joint issuers in the title (X、Y关于…), as a joint signature
    ("sichuan-hbt-2013-notice-straw-burning", "issuer", "四川省环境保护厅 四川省农业厅"),
    # a page heading 某试点-某局 is no unit; a site's name over a page title is no issuer
    ("jilin-measures-soybean-target-price", "issuer", None),
    # …but a 来源 field naming a ministry's own site (来源: 农业农村部网站) names the issuer
    ("nongyenongcunbu-2022-reply-npc-4711", "issuer", "农业农村部"),
    ("nongyenongcunbu-2022-reply-npc-4711", "title", "对十三届全国人大五次会议第4711号建议的答复摘要"),
    # an announcement: 某办公室通告 / (2022年第32号) / 关于…的通告, signed over two lines
    ("taiyuan-2022-notice-covid-32", "title", "关于太原市新增封控区、管控区的通告"),
    ("taiyuan-2022-notice-covid-32", "doc_number", "2022年第32号"),
    ("taiyuan-2022-notice-covid-32", "issuer", "太原市疫情防控领导小组办公室"),
    ("harbin-rd-2017-notice-gonggao-7", "doc_number", "第7号"),
    # a reply printed as a block: unit / 对…的 / 答复
    ("linxiang-taokuang-2024-reply-cppcc-18", "title", "桃矿街道办事处对临湘市政协十届三次会议第18号提案的答复"),
    # a reply whose line breaks were lost: title glued to the salutation, 承办单位 and date on one line
    ("qingyuan-zhujian-2022-reply-cppcc-134", "title", "对县八届政协一次会议第134号提案的答复"),
    ("qingyuan-zhujian-2022-reply-cppcc-134", "issuer", "清原满族自治县住房和城乡建设局"),
    ("qingyuan-zhujian-2022-reply-cppcc-134", "date", "2022-08-30"),
    # a whole notice run onto one line
    ("changchun-2009-notice-bangongting-sanding", "date", "2009-09-10"),
    ("changchun-2009-notice-bangongting-sanding", "issuer", "长春市人民政府办公厅"),
    # a reply's title whole on its line: the category, disclosure and a garbled number above are its tags
    ("yunnan-gongxinting-2021-reply-cppcc-120400516-longchuan-yuanqu", "title",
     "对政协云南省第十二届第四次会议第120400516号提案的答复"),
    # a headline ending in ! above an announcement's heading; the heading over two lines and its (第28号)
    ("xilinguole-fangkong-zhihuibu-2020-notice-dierpi-xiaofeiquan", "title", "锡林郭勒盟新型冠状病毒感染肺炎防控工作指挥部公告"),
    ("xilinguole-fangkong-zhihuibu-2020-notice-dierpi-xiaofeiquan", "issuer", "锡林郭勒盟新型冠状病毒感染肺炎防控工作指挥部"),
    ("xilinguole-fangkong-zhihuibu-2020-notice-dierpi-xiaofeiquan", "doc_number", "第28号"),
    # a spam line of search phrases over a reply's title
    ("yueyangxian-weijian-2024-reply-rd-23-xinkai-weishengyuan-trad", "title", "對縣十八屆人大三次會議第23號建議的答復"),
    # a contact line with a phone number over the signature is no part of the signer's name
    ("qingshui-renshe-2023-notice-jiuye-bangfu-chejian-jiangbu-fangan", "issuer", "清水县人力资源和社会保障局"),
    # a slogan ending in the year over a title that opens with its place
    ("mianning-shangwu-2022-measures-zhengfu-xiaofeiquan-trad", "title", "“天府裏·悅生活·惠購冕寧”2022年冕寧縣政府消費券發放活動實施方案"),
    ("lixian-2024-measures-weisheng-jiankang-wunian-xingdong", "title", "理县卫生健康事业发展五年行动实施方案"),
    # a preamble ending 具体实施细则如下 names the type of a text printed without its title
    ("lianyungang-zhujian-2022-measures-goufang-butie-shishi-xize", "doc_type", "细则"),
    # a repost's date and author line between the title and the doc number
    ("jilin-zhengfuban-2017-notice-gaishan-nongcun-renju-huanjing-sinian", "doc_number", "吉政办发〔2017〕38号"),
    # a site table's 发文编号 after an empty 索引号
    ("longhui-caizheng-2018-notice-jisusheng-shenghuofei-buzhu", "doc_number", "隆财教指〔2018〕28号"),
    # the last line of an attachment list above the signer is no part of its name
    ("putuo-huanbao-tuijinban-2018-notice-huanbao-sannian-xingdong-renwu-qingdan", "issuer",
     "上海市普陀区环境保护和环境建设协调推进委员会办公室"),
    # a 发文字号 value the site parts over three lines (普绿容 / 〔2019〕 / 44号)
    ("putuo-lvrong-2019-reply-cppcc-142028-ertong-youle", "doc_number", "普绿容〔2019〕44号"),
    # a handling category opening the doc number's line (办理结果分类:A 市住建函〔2025〕27号)
    ("guilin-zhujian-2025-reply-rd-105-daolu-posun", "doc_number", "市住建函〔2025〕27号"),
    # a 主题词 value under its key (关于…;建议答复函) is no title: the page's own title is
    ("mot-jiaotong-2021-reply-rd-9622-chonghuandian", "title", "关于十三届全国人大四次会议第9622号建议的答复函"),
    # a reply form's 承办单位 row gives the lead unit under its own 主办 label, its 答复日期 the date
    ("nantong-tongzhou-nongye-2021-reply-cppcc-29-longtou-qiye", "issuer", "农业农村局"),
    ("nantong-tongzhou-nongye-2021-reply-cppcc-29-longtou-qiye", "date", "2021-07-08"),
    # a site's masthead (主办单位:… 承办单位:…) names its sponsor, not the issuer: the 发文机关 field does
    ("xinjiang-lvyouju-2013-notice-danji-lvyou-jiachashi-butie", "issuer", "新疆文化和旅游厅"),
]


def test_a_one_line_title_under_a_site_name_does_not_take_the_name():
    text = "陕西省发展和改革委员会\n对省十三届人大三次会议第767号建议的答复函\n左新文代表：\n您提出的建议收悉。现答复如下。\n"
    assert parse_structure(text).meta.title == "对省十三届人大三次会议第767号建议的答复函"


CASES += [
    # an issuing title is whole only with its 通知: 关于印发…工作报告 / 目标任务分解方案的通知
    ("liangping-2021-notice-task-breakdown", "title", "重庆市梁平区人民政府办公室关于印发2021年区政府工作报告目标任务分解方案的通知"),
    # a title issuing three documents, one 《…》 a line
    ("yunnan-czt-2020-measures-kjcg", "title", "云南省财政厅云南省科技厅关于印发《云南省科技成果转化奖补资金管理办法》"
                                               "《云南省科技创新券实施管理办法》《云南省科技揭榜制实施管理办法》的通知"),
    # a truncated copy of the title over the title is not its head
    ("binhai-measures-xinxing-chanye", "title", "关于印发《中共滨海新区区委、滨海新区人民政府关于促进新兴产业发展的指导意见》等6个文件的通知"),
    # a damaged doc number line is not the title's head; 此件公开发布 is not the signature's head
    ("pudong-2022-notice-work-rules", "title", "浦东新区人民政府关于印发《浦东新区人民政府工作规则》的通知"),
    ("qujiang-2018-notice-flood-plan", "issuer", "衢州市衢江区人民政府办公室"),
    # the issuing notice's title, not the attached document's (《…的若干措施》 / …若干措施)
    ("lixian-2022-measures-guishang-gongye", "title", "蠡县人民政府办公室关于印发《蠡县支持规模以上工业企业发展的若干措施》的通知"),
    # the answering unit in brackets after a reply's title; a reply's 联系单位; a department's breadcrumb
    ("shucheng-slj-2013-reply-npc-8", "issuer", "水利局"),
    ("zhengzhou-shangjie-chengguan-2020-reply-cppcc", "issuer", "郑州市上街区城市管理局"),
    ("longnan-jiaotong-2024-reply-npc-24-trad", "issuer", "市交通運輸局"),
]


CASES += [
    ("daxing-2023-measures-gzbg-fengong", "doc_number", "京兴政办发〔2023〕1 号"),       # • 发文序号:…
    ("tianjin-2020-measures-yingshang-zerenqingdan", "date", "2020-12-31"),          # 2020年12月31 (日 lost)
    ("gansu-lanzhou-xinqu-measures-zhichi-zhengce", "doc_type", "意见"),             # 特提出以下支持政策意见
    ("guiyang-2020-notice-qixiang-yuan", "issuer", "贵阳市人民政府办公厅"),              # 发文机关标志 over 市人民政府办公厅关于…
    ("changzhou-jtj-2015-reply-rd-0043", "issuer", "常州市交通运输局"),                # 此致 / 敬礼 / unit
    ("yucheng-gaj-2024-notice-jiaotong-guanzhi", "date", "2024-10-23"),              # 20241023日 / unit under it
    ("yucheng-gaj-2024-notice-jiaotong-guanzhi", "issuer", "禹城市公安局"),
    ("qinghai-measures-jinrong-pdfspaced", "issuer", None),                          # «…» quotes are no breadcrumb
]


CASES += [
    # the body glued to its title on one line (…奖励办法为充分调动…积极性,…)
    ("xinxiang-gxq-measures-zhaoshang-jiangli", "title", "河南省新乡高新区重大招商引资项目奖励办法"),
    # an issuing title whose 的通知 was left off: 关于转发《…的紧急通知》
    ("tongyuan-town-2009-notice-senlin-fanghuo", "title",
     "关于转发《国家森林防火指挥部关于做好2009年元旦春节期间森林防火工作的紧急通知》"),
    # the cover's closing sentence, signature and date run together (…贯彻执行。哈尔滨市人民政府2023年7月8日…)
    ("harbin-2023-measures-tese-chanpin", "date", "2023-07-08"),
    # gazette style: (date doc number) under the title
    ("shanghai-2003-measures-shishi", "doc_number", "沪府办发[2003]4号"),
    # a doc number whose 〕 and 号 were lost, alone on its line
    ("daying-bangongshi-2016-reply-cppcc-38", "doc_number", "大府办函〔201697"),
    # a document-sharing site's tips (1、…下载后…) are no numbered heading ending the header
    ("harbin-2023-measures-tese-chanpin", "doc_number", "哈政规(2023)13号"),
    # a doc number in brackets after the title on a site's title line
    ("guangzhou-linyuan-2013-reply-rd-3017", "doc_number", "穗林业园林提[2013]63号"),
    ("guangzhou-linyuan-2013-reply-rd-3017", "title", "广州市林业和园林局关于对广州市十四届人大三次会议闭会期间代表建议第3017号的答复"),
    # a site table's 名称 cell gives the issuing notice's title over the attached document's heading
    ("liupanshui-2022-measures-xinjijian-xingdong", "title",
     "市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知"),
    # a reply's title followed by the proposal's own title in parentheses
    ("taierzhuang-zrzy-2024-reply-cppcc-033", "title",
     "台儿庄区自然资源局关于对区政协十届三次会议第033号提案的答复(关于疏通秀水河东岸台儿庄公路局西侧至御景华庭桥道路的建议)"),
    # the signature date in a table cell (2018年6月28日 |)
    ("nangong-jiaotong-2018-reply-rd-46", "date", "2018-06-28"),
    # a reply's handling category after its title (…的答复函 B)
    ("tacheng-2017-reply-rd-193", "title", "关于伊犁哈萨克自治州十四届人大一次会议第193号建议的答复函"),
    # a leading group issuing a notice in its own title
    ("liucheng-2020-notice-yijiangdaibu-chanye-fupin", "issuer", "柳城县扶贫开发领导小组"),
    # under a file-name line (17.….docx), a PDF dump's title, doc number and preamble run together
    ("neimenggu-2023-measures-chanye-zhengce-qingdan", "doc_number", "内政发〔2023〕3 号"),
    ("neimenggu-2023-measures-chanye-zhengce-qingdan", "doc_type", "清单"),
    # a site line above the title is not its head: a login bar, a breadcrumb's last crumb, a related query,
    # or the place the title opens with repeated as the site's name
    ("pingbian-nongke-2025-reply-rd-99", "title", "屏边县农业农村和科学技术局对县十七届人大四次会议第99号建议的答复"),
    ("shengzhou-2022-measures-industry-trad", "title", "加快推進工業經濟高質量發展若干政策"),
    ("sinan-2014-measures-xinnonghe-buchang", "title", "思南县2014年新型农村合作医疗统筹补偿方案"),
    ("liaoyang-2023-measures-fuchi-qingdan", "title", "辽阳市小微企业、个体工商户扶持政策事项清单"),
    # tags before a title: a bullet and a channel tag, an attachment label, a reply's category mark
    ("jiangyin-gxq-measures-cluster-fund", "title", "江阴高新区创新型产业集群培育计划专项资金管理办法"),
    ("lasa-measures-waimao-xiaowei-liangchuang", "title", "拉萨市外经贸小微企业“两创”资金管理办法(暂行)"),
    ("huarong-2017-reply-rd-69", "title", "对华容县十七届人大一次会议第69号建议的回复"),
    # a news lead above the document (…发布关于…的通知 / 详情如下:) names its issuer; the title follows the cue
    ("tianjin-2025-notice-qingjie-qunuan", "title", "关于天津市2025-2026采暖期居民冬季清洁取暖有关运行政策的通知"),
    ("tianjin-2025-notice-qingjie-qunuan", "issuer", "天津市发展和改革委员会"),
    ("anyi-2023-measures-qiang-xinxin", "issuer", "安义县人民政府"),
    # a reply's title whose first line names its unit (…厅对政协…委员会 / 第二次会议…提案的答复) is joined
    ("hainan-jiaotong-2019-reply-cppcc-0529", "title", "海南省交通运输厅对政协海南省第七届委员会第二次会议第0529号提案的答复"),
    # a database's validity status and a reporter's headline verb are not the title's
    ("jiangmen-xinhui-2020-measures-zhaoshang-yinzi", "title", "关于印发新会区促进招商引资支持经济转型发展办法(2020年修订版)的通知"),
    ("beijing-shijingshan-measures-damoxing-jiju", "title", "推进人工智能大模型产业集聚区建设发展支持办法(征求意见稿)"),
    # a signature date that lost only its 年 (20209月22日), a signature on another's behalf (…指挥部(代))
    ("jiangmen-xinhui-2020-measures-zhaoshang-yinzi", "date", "2020-09-22"),
    ("guangxi-2023-measures-gongye-jingji-trad", "issuer", "廣西推進産業振興三年行動指揮部"),
    # a reply database's table names the handling unit on the row under its header (承办单位 答复日期 答复内容)
    ("hainan-jiaotong-2011-reply-rd-2045", "issuer", "交通厅"),
    ("hainan-shuiwu-2010-reply-rd-nongcun-yinshui", "issuer", "水务厅"),
    # a place before 关于 gives way to the site's 来源 unit that contains it
    ("shanghai-minhang-2024-measures-chanye-gaozhiliang", "issuer", "上海市闵行区经济委员会"),
]


CASES += [
    # a metadata table flattened into a row of keys over rows of values, at the foot of the page
    ("nanyang-2011-notice-tongdabei-biaozhang", "doc_number", "宛政〔2011〕7号"),
    # a 发文字号 field whose value has a form of its own
    ("shengdengshan-2022-reply-rd-9", "doc_number", "2022-92"),
    # an upward letter's head: the number (its 〕 and 号 lost) before 签发人, under a reply form's empty fields
    ("zhoucun-jiaotong-2025-reply-npc-30", "doc_number", "周交政发〔202527"),
    ("zhoucun-jiaotong-2025-reply-npc-30", "recipients", ["吴学迅代表"]),
    # a site's 导读 row (a sentence summing the document up) between the page title and the number
    ("tianjin-2017-measures-kaifaqu-gaige-chuangxin", "doc_number", "津政办函〔2017〕103号"),
    # a hijacked page's spam line under a list mark (1. 豆花AV,无码…) above the letter's title and number
    ("huadu-weijian-2023-reply-cppcc-3011-zhongyi-menzhen-trad", "doc_number", "花衛函〔2023〕30號"),
    # a breadcrumb's last item (…> 办理结果公开) repeated as the column's name over the title is no part of it
    ("tianjin-fgw-2020-reply-cppcc-0378-minying-qiye", "title", "对市政协十四届三次会议第0378号提案的答复"),
    # a title opening with its year before its issuer: the issuer without the year
    ("zaozhuang-shizhongqu-2022-reply-cppcc-111186-yejian-jingji", "issuer", "市中区人民政府"),
    # an advertised report's link line (報告鏈接:…) over the page is no title
    ("weifang-2025-measures-qingneng-ruogan-zhengce-trad", "title", "關于支持氫能產業發展的若干政策"),
    # a forum post's count line (… 115人浏览 0人回复) reads as no reply's title
    ("shangzhi-2020-measures-shiyongjun-chanye-fuchi", "title", None),
    # a database's 【字号】 with square brackets gives way to the 〔〕 the letter prints
    ("xuhui-2012-notice-wenhua-zijin", "doc_number", "徐府办发〔2012〕19号"),
    # the 署名 glued to the body's last sentence above the date
    ("chongqing-shangwei-2014-notice-shangmao-qiangzhen", "issuer", "重庆市商业委员会"),
    # a unit line closing a reply after 感谢…支持, no date under it
    ("nanhua-jiaotong-reply-cppcc-55", "issuer", "南华县交通运输局"),
    # the title's leading unit is the issuer before a site's 发布机构 (annotation guide §4), even named by
    # its level alone
    ("xialu-2020-measures-zhongdian-gongzuo-fenjie", "issuer", "区人民政府办公室"),
    ("tianjin-2020-measures-yingshang-zerenqingdan", "issuer", "市政务服务办"),
    # an issuing title cut before its 的通知 (…关于印发…工作方案) is the 通知 that issues the plan
    ("shanxi-2017-measures-zhongbu-jueqi", "doc_type", "通知"),
]

def test_a_title_ends_before_a_glued_chapter_or_preamble_and_keeps_its_qualifier():
    text = "盘县招商引资优惠办法(试行)第一章总则 第一条为加快招商引资步伐,优化投资环境,特制定本办法。\n"
    assert parse_structure(text).meta.title == "盘县招商引资优惠办法(试行)"


def test_a_column_name_above_a_title_that_opens_with_its_place_is_not_its_head():
    text = "政策法规\n某某服务中心\n政策法规\n揭阳市促进农业产业化发展扶持办法\n为推进农业农村现代化，制定本办法。\n"
    assert parse_structure(text).meta.title == "揭阳市促进农业产业化发展扶持办法"


def test_a_news_lead_above_an_untitled_letter_names_the_document():
    text = ("近日，某省工业和信息化厅发布《关于组织申报工业提速增效政策支持资金的通知》。\n详情见下:\n"
            "各市工业和信息化部门:\n为贯彻落实有关部署，现就申报工作通知如下。\n一、支持企业增产增效\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("关于组织申报工业提速增效政策支持资金的通知", "通知")


def test_site_lines_between_the_title_and_the_letter_are_neither_its_head_nor_its_recipients():
    text = ("您好!今天是\n对市政协十二届二次会议第415号提案的答复\n相关文章:\n访谈解读:\n   某农督函〔2024〕49号\n"
            "吴某代表:\n您提出的建议收悉。现答复如下。\n")
    meta = parse_structure(text).meta
    assert meta.title == "对市政协十二届二次会议第415号提案的答复"
    assert (meta.doc_number, meta.recipients) == ("某农督函〔2024〕49号", ["吴某代表"])


def test_a_breadcrumb_parted_by_slashes_is_no_head_of_the_title():
    text = "首页/ 政务公开/ 提案建议办理/ 正文\n对区十八届人大二次会议第129号建议的复函\n冉某代表:\n您提出的建议收悉。\n"
    assert parse_structure(text).meta.title == "对区十八届人大二次会议第129号建议的复函"


def test_a_decision_printed_with_its_date_and_number_after_the_title_on_one_line():
    text = ("某市人民政府关于对2011年先进社区进行奖补的决定(二○一一年十二月七日)某政〔2011〕66号  2011年,全市上下扎实推进社区建设。"
            "经市政府研究,决定给予奖补。\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.date) == ("某政〔2011〕66号", "2011-12-07")


def test_a_doc_number_in_the_sites_source_field_is_the_letters():
    text = ("今天是:\n某市人民政府办公室关于印发某市电子商务发展扶持办法的通知\n"
            "浏览次数:  信息来源:某府办字〔2018〕184号 发布时间:2018-06-08\n各乡镇人民政府:\n现将办法印发给你们。\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.title) == ("某府办字〔2018〕184号", "某市人民政府办公室关于印发某市电子商务发展扶持办法的通知")


def test_a_site_column_above_a_title_that_opens_with_its_year_and_place_is_no_head():
    text = "今天是2024年6月11日 星期二,欢迎光临本站\n某省行业资讯\n2023年蕉城区茶园基地提升项目申报奖补指南\n为推动茶产业发展，制定本指南。\n"
    assert parse_structure(text).meta.title == "2023年蕉城区茶园基地提升项目申报奖补指南"


def test_an_issuing_title_without_its_notice_word_is_a_notice():
    meta = parse_structure("关于转发《市政府关于做好防汛工作的通知》\n各村:\n现将文件转发给你们,请遵照执行。\n").meta
    assert (meta.title, meta.doc_type) == ("关于转发《市政府关于做好防汛工作的通知》", "通知")


CASES += [
    # a title's first line opens with 印发 (…印发关于… / …的通知) under the unit that issues it
    ("lanzhou-2015-measures-disan-chanye-kuayue-fazhan", "title", "兰州市人民政府办公厅印发关于加快推进全市第三产业跨越发展的实施意见的通知"),
    # a database's validity status after the title (…的通知【全文废止】)
    ("quzhou-2018-notice-shuzi-jingji-zhihui-chanye-yijian", "title", "衢州市人民政府办公室关于印发衢州市大力发展数字经济智慧产业实施意见的通知"),
    # a site's script and care-mode buttons on one line above the title (繁体 | 简体 | 进入关怀版 | 无障碍)
    ("wenxian-jiaotong-2024-reply-rd-44-yihaolu", "title", "对县十五届人大四次会议第44号建议的答复"),
]


CASES += [
    # a reply's handling field: above the letter on a suggestion form (承办单位 公安局), indented under it
    # (承办部门:), written 主办(分办)单位, or in a site table's cells (| 主办单位(分办单位): | 科技厅 |)
    ("yiwu-gaj-2023-reply-rd-228", "issuer", "公安局"),
    ("shiwen-2018-reply-cppcc-43", "issuer", "石文镇人民政府"),
    ("zongyang-ziranziyuan-2022-reply-cppcc-14-2-128", "issuer", "县自然资源和规划局"),
    ("sichuan-kjt-2017-reply-rd-94-yibin-chuangxin", "issuer", "科技厅"),
    # a digest's signature and date run into the issued document's title (…办公室2023年4月24日福州市长乐区…),
    # after a comma, and signed on another's behalf (…领导小组(…局代章)2024年10月8日2024年…)
    ("changle-2023-measures-huizhanye-cujin-guanli-banfa", "issuer", "福州市长乐区人民政府办公室"),
    ("changle-2023-measures-huizhanye-cujin-guanli-banfa", "date", "2023-04-24"),
    ("longwen-2022-measures-dianzi-shangwu-wutiao", "issuer", "漳州市龙文区人民政府"),
    ("taining-2024-measures-nongye-chanye-zhuanxiang-zijin-jiangbu-chacewang", "issuer", "泰宁县农业产业化领导小组"),
    # a disclosure site's 公开主体 field
    ("chenjia-town-2023-measures-diandongche-chongdian-zhengzhi", "issuer", "上海市崇明区陈家镇人民政府"),
    # a news lead: the time word after the body, a year's month before joint issuers, 不久前, a title in
    # traditional script
    ("shanghai-2026-measures-xianjin-zhizao-sannian", "issuer", "上海市人民政府办公厅"),
    ("shanxi-2023-measures-xiangcun-zhenxing-zerenzhi-xize-trad", "issuer", "中共山西省委辦公廳、山西省人民政府辦公廳"),
    ("jiaokou-2024-measures-nongtechanpin-xiaoshou-jiangbu-news", "issuer", "交口县人民政府办公室"),
    ("hangzhou-2024-measures-gaozhiliang-fazhan-ruogan-zhengce-trad", "issuer", "杭州市人民政府"),
]


CASES += [
    # a page printing the suggestion (dated) above the reply: the reply's own signature and date; the
    # font-size control's 字号: is no doc number field
    ("zhenlai-zhujian-2023-reply-rd-29-buxingjie-lianghua", "date", "2023-05-05"),
    ("zhenlai-zhujian-2023-reply-rd-29-buxingjie-lianghua", "issuer", "镇赉县住房和城乡建设局"),
    ("zhenlai-zhujian-2023-reply-rd-29-buxingjie-lianghua", "doc_number", None),
    # a signature line under the date carrying the contact fields
    ("wugang-jiaoti-2022-reply-cppcc-112-jiaoyu-sheshi", "issuer", "舞钢市教育体育局"),
    # a news site's 获悉 lead naming the issuer of the plan below it
    ("gansu-zhengfu-2017-notice-daqi-wuran-fangzhi-fangan", "issuer", "甘肃省人民政府"),
    # a title opening with its issuer before the year it speaks for; a bare place before the year is none
    ("huanan-zhengfu-2022-notice-senlin-caoyuan-fanghuo-mingling", "issuer", "桦南县人民政府"),
    ("xuzhuang-town-2017-measures-anquan-zhuanxiang-zhengzhi-jihua", "issuer", None),
]


CASES += [
    # a title line ending in a stray quote of the page's markup (…的通知")
    ("haerbin-measures-shuangchuang-pingtai", "title", "哈尔滨市人民政府关于印发哈尔滨市推动“双创”平台高质量发展的若干政策的通知"),
    # a site field printing the issuer's name twice (发布单位 | 吉林省人民政府 吉林省人民政府 |)
    ("jilin-zhengfu-2010-measures-renshen-chanye", "issuer", "吉林省人民政府"),
    # a breadcrumb copied as a numbered list opening with 当前位置: (1. 当前位置: / 2. 首页 > … / 3. > 正文)
    ("wuqia-shuili-2023-reply-rd-11-kangsu-yinshui", "title", "关于对乌恰县第十七届人大第三次会议农林牧水电类11号建议的答复函"),
    # a site's 文号 value after an empty template bracket (文号 〔〕恰水建字〔2023〕2号)
    ("wuqia-shuili-2023-reply-rd-11-kangsu-yinshui", "doc_number", "恰水建字〔2023〕2号"),
    # a short title printed under its issuer's name (某委员会 / 入汛通告 / 白洮防减救委发〔2025〕1号)
    ("taobei-fangjianjiuwei-2025-notice-ruxun-tonggao", "title", "白城市洮北区防灾减灾救灾委员会入汛通告"),
    ("taobei-fangjianjiuwei-2025-notice-ruxun-tonggao", "issuer", "白城市洮北区防灾减灾救灾委员会"),
    # a database's validity status after the title (…的实施意见【全文失效】)
    ("guizhou-zhengfu-2015-measures-dianzi-shangwu-shishi-yijian", "title", "贵州省人民政府关于大力发展电子商务的实施意见"),
    # a channel's tag over a title of its own (…查看内容 / 举报有奖丨关于…的通告): the site line is no head of it
    ("qingshan-zhen-2022-notice-yewai-yonghuo-youjiang-jubao", "title", "关于野外用火有奖举报的通告"),
    # the signature above a date the excerpt cut (巩义市人力资源和社会保障局 / 2023年2)
    ("gongyi-renshe-2023-notice-yicixing-xina-jiuye-butie", "issuer", "巩义市人力资源和社会保障局"),
    # a letter's 发文机关标志 ending in (函), with the category line (分類:B) between it and the title
    ("hengfeng-wenguang-2020-reply-cppcc-32-zhanchang-jinian-trad", "issuer", "橫峰縣文化廣電新聞出版旅游局"),
    # nine bodies stacked above the date of a joint issue
    ("heilongjiang-renshe-2026-measures-chuangye-daidong-jiuye", "issuer",
     "黑龙江省人力资源和社会保障厅 黑龙江省教育厅 黑龙江省工业和信息化厅 黑龙江省科学技术厅 黑龙江省财政厅 黑龙江省农业农村厅 "
     "中国人民银行黑龙江省分行 国家金融监督管理总局黑龙江监管局 共青团黑龙江省委员会"),
    # a leading group signing with the note of the department whose seal stands for it ((…厅代章))
    ("jilin-jiuye-lingdao-xiaozu-2022-measures-cujin-jiuye-zhengce", "issuer", "吉林省就业工作领导小组"),
    # a headquarters signing by its short name before 关于 (市防指关于印发…)
    ("tianjin-fangzhi-2022-notice-fangxun-kanghan-gongzuo-anpai", "issuer", "市防指"),
    # a news site's dateline 网讯: before the lead naming the issuer
    ("yinchuan-zhengfu-measures-xinxing-gongyehua", "issuer", "银川市人民政府"),
    # a title's first line running on past its 关于 with no type word yet (…关于下达2022年度 / … / 资金计划的通知)
    ("tianjin-gongxin-caizheng-2022-notice-xiaowei-rongzi-danbao-jiangfei-jiangbu-jihua", "title",
     "市工业和信息化局市财政局关于下达2022年度天津市小微企业融资担保业务降费奖补资金计划的通知"),
    # a site's counter between a page heading and the title printed again (物业经理人 / T / 7059 / T)
    ("neimenggu-zhengfuban-notice-wuye-guanli-jiaqiang", "title", "内蒙古自治区进一步加强物业管理工作通知"),
    # the title with its doc number glued, printed again on its own line below
    ("central-zhujianbu-2017-reply-rd-4663-nongmingong-gongzi", "title", "对十二届全国人大五次会议第4663号建议的答复"),
    # the issuer before a title's book-title mark (某县人民政府办公室《关于…》的通知)
    ("longxi-zhengfuban-2025-notice-weimin-shishi-banli", "issuer", "陇西县人民政府办公室"),
    # a signature's date with the 信息公开形式 note run onto it, nine ministries stacked above, two a line
    ("nhc-2020-measures-prehospital-emergency", "date", "2020-09-17"),
    ("nhc-2020-measures-prehospital-emergency", "issuer", "国家卫生健康委 国家发展改革委 教育部 工业和信息化部 公安部 "
     "人力资源社会保障部 交通运输部 应急管理部 国家医保局"),
]


def test_a_run_in_signature_before_a_sentence_is_no_signature():
    text = "各单位:\n经研究,市人民政府2023年4月24日印发了实施方案,请遵照执行。\n"
    assert parse_structure(text).meta.issuer is None


@pytest.mark.parametrize("doc,field,value", CASES)
def test_header_element_in_a_web_layout(doc, field, value):
    assert getattr(_meta(doc), field) == value


def test_a_cover_without_a_title_line_takes_the_title_of_the_document_it_issues_printed_below():
    text = ("宝府办〔2008〕18号\n各镇人民政府,各街道办事处:\n现将《2008年政府工作目标任务分解》印发给你们。请认真对照落实。\n"
            "特此通知\n2008年政府工作目标任务分解\n根据区委全会精神,现将任务分解如下。\n一、经济发展\n1.地区生产总值增长9%。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("2008年政府工作目标任务分解", "通知")
    text = ("各镇人民政府:\n现将《<政府工作报告>任务分解表》印发给你们,请认真落实。\n"
            "请各牵头单位严格按照任务分工推进。\n")
    assert parse_structure(text).meta.title is None


def test_a_letterhead_printed_over_two_lines_names_the_issuer():
    text = ("某某自治区\n人 民 政 府 文 件\n某政发〔2007〕2号\n关于表彰2006年度农田水利基本建设竞赛获奖县(市)的通报\n"
            "各州、市、县(市)人民政府:\n加强农田水利基本建设是发展现代农业的重要措施。\n")
    assert parse_structure(text).meta.issuer == "某某自治区人民政府"


def test_a_news_report_lead_above_the_documents_title_names_its_issuer():
    text = ("某市将构建产业基金集群\n2026-01-26 17:18:55\n"
            "投资界1月26日消息,某市政府印发《关于加快培育新质生产力推动高质量发展的若干政策》,其中提出,夯实产业基金支撑。\n"
            "关于加快培育新质生产力推动高质量发展的若干政策\n为推动高质量发展,现制定如下政策措施。\n一、建设先进制造业基地\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("关于加快培育新质生产力推动高质量发展的若干政策", "某市政府")


def test_a_notices_recipients_and_signature_glued_to_one_line_part_from_its_title():
    text = ("关于认定某集聚区为某市现代服务业集聚区的通知各县(市、区)人民政府,市政府各部门,各有关单位:为推进我市现代服务业发展,"
            "经市人民政府同意,认定某集聚区为某市现代服务业集聚区,为高质量发展作出更大贡献,某市发展和改革委员会2024年12月13日(此件公开发布)。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.date) == (
        "关于认定某集聚区为某市现代服务业集聚区的通知", "某市发展和改革委员会", "2024-12-13")


def test_a_site_fields_date_with_its_time_run_on_is_read():
    text = ("文号 | 某政办〔2020〕2号 | 发文日期 | 2020-04-1900:00 |\n发布机构 | 政府办 | 有效性 | 有效 |\n"
            "区人民政府办公室关于印发2020年区政府工作报告责任分解方案的通知\n各街道办事处:\n现将方案印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.date == "2020-04-19"


def test_a_site_fields_issuing_time_is_the_date_and_a_spaced_title_key_gives_the_title():
    text = ("索 引 号 640400001/2016-14852 发文时间 2016-07-04\n发布机构 某市政府办 文 号\n"
            "公开方式 主动公开 有效性 有效\n标 题: 某市草原火灾应急预案\n某市草原火灾应急预案\n\n1 总则\n1.1 编制目的\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type, meta.date) == ("某市草原火灾应急预案", "预案", "2016-07-04")


@pytest.mark.parametrize("key, date", [("公文生成日期", "2022-06-06"), ("生成日期", None)])
def test_a_catalogues_document_generation_date_is_the_date_a_bare_generation_date_is_not(key, date):
    text = (f"- 索 引 號: SM11100-0100-2022-00045\n- 發布機構: 某縣人民政府\n- {key}: 2022-06-06\n"
            "各鄉鎮人民政府:\n為加快推進限額以上商貿企業發展,經研究決定,繼續實行發展獎勵措施。現將有關事項通知如下:\n"
            "一、鼓勵發展限額以上商貿企業\n")
    assert parse_structure(text).meta.date == date


def test_an_issuer_written_with_its_province_is_the_body_as_the_title_writes_it():
    text = ("您的位置: 首页 » 法律资料网 » 法律法规 »\n\n某宁市人民政府关于印发《某宁市企业减负暂行规定》的通知\n\n"
            "青海省某宁市人民政府\n\n\n某宁市人民政府关于印发《某宁市企业减负暂行规定》的通知\n\n宁政〔2006〕12号\n\n"
            "各区、县人民政府，市政府各部门：\n现将《某宁市企业减负暂行规定》印发给你们，请认真贯彻执行。\n")
    meta = parse_structure(text).meta
    assert meta.issuer == "某宁市人民政府"
    signed = "青海省人民政府关于某事项的通知\n各市州人民政府：\n现将有关事项通知如下。\n青海省人民政府\n2006年5月1日\n"
    assert parse_structure(signed).meta.issuer == "青海省人民政府"


def test_a_site_key_spaced_from_its_doc_number_is_no_part_of_it():
    text = ("发文字号 豫政〔2015〕24号 时  效 根据《某省人民政府关于公布清理结果的决定》(豫政〔2017〕16号),此文件宣布失效。\n"
            "标  题 某省人民政府关于印发促进经济平稳健康发展若干政策措施的通知\n各市、县人民政府:\n现将有关措施印发给你们。\n")
    assert parse_structure(text).meta.doc_number == "豫政〔2015〕24号"


def test_a_posting_date_before_a_title_in_the_page_head_and_in_the_site_fields_is_no_part_of_it():
    text = ("20230607 某县林长制办公室 关于进一步落实林长制工作任务的通知\n"
            "索 引 号: | 某2421108/2023-0000158 | 公开方式: | 主动公开 |\n"
            "标 题: | 20230607 某县林长制办公室 关于进一步落实林长制工作任务的通知 |\n"
            "某县林长制办公室\n关于进一步落实林长制工作任务的通知\n一、全面完善林长制组织体系\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("某县林长制办公室关于进一步落实林长制工作任务的通知", "某县林长制办公室")


def test_a_date_under_the_doc_number_under_a_title_is_the_documents_date():
    text = ("某部办公厅关于组织开展2021年新型信息消费示范项目申报工作的通知\n某厅信发函〔2021〕27号\n2021年2月20日\n"
            "发布机关:某部办公厅\n各省、自治区、直辖市主管部门:\n为贯彻落实有关部署,现组织开展申报工作。\n")
    assert parse_structure(text).meta.date == "2021-02-20"


def test_five_units_stacked_over_the_date_sign_together():
    units = ["某新区发展和改革局", "某新区工业和信息化局", "某新区民政局", "某新区卫生健康局", "某新区医疗保障局"]
    text = ("关于印发某新区促进银发经济发展实施方案的通知\n某新发改〔2025〕54号\n各有关部门、单位:\n"
            "现将《某新区促进银发经济发展实施方案》印发给你们,\n" + "\n".join(units) + "\n2025年4月28日\n")
    assert parse_structure(text).meta.issuer == " ".join(units)


def test_a_subtitles_dash_and_a_drafting_opening_give_no_title_of_their_own():
    text = ("某部答复:通过提高农业现代化水平,促进粮食安全\n———关于政协第十四届全国委员会第一次会议第01025号提案答复的函\n"
            "孟某委员:\n您提出的提案收悉,现答复如下。\n")
    assert parse_structure(text).meta.title == "关于政协第十四届全国委员会第一次会议第01025号提案答复的函"
    text = ("为促进新市民安居乐业,结合本市实际,起草形成了《提升城市服务保障水平促进新市民安居乐业政策举措(征求意见稿)》。"
            "现向社会公开征求意见。\n")
    assert parse_structure(text).meta.title == "提升城市服务保障水平促进新市民安居乐业政策举措(征求意见稿)"


def test_the_unit_a_title_named_in_a_news_lead_opens_with_is_the_issuer():
    text = ("今天,某自治区人民政府网站发布了《自治区人民政府办公厅关于印发都市圈建设2019年工作计划的通知》,明确了工作计划。\n"
            "为认真贯彻落实有关精神,特制定都市圈建设2019年工作计划。\n一、基础设施互联互通\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("自治区人民政府办公厅关于印发都市圈建设2019年工作计划的通知", "自治区人民政府办公厅")


def test_a_law_databases_enacting_unit_field_names_the_issuer():
    text = ("某市机动车公共停车场管理办法(2001)\n【地区】某市\n【颁布单位】 某市人民政府\n【时效性】有效\n【正文】\n"
            "第一条 为促进本市机动车公共停车场的建设和发展,制定本办法。\n")
    assert parse_structure(text).meta.issuer == "某市人民政府"


def test_a_doc_number_and_colon_before_the_title_and_a_posting_time_run_onto_one_leave_the_title():
    text = ("某政规〔2021〕11号:关于印发《某县螺蛳粉产业提升发展若干政策措施》的通知\n发布日期:2021-08-17 17:25\n"
            "各乡镇人民政府:\n现将《某县螺蛳粉产业提升发展若干政策措施》印发给你们,请认真组织实施。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number) == ("关于印发《某县螺蛳粉产业提升发展若干政策措施》的通知", "某政规〔2021〕11号")
    text = "来源:某新闻网\n2020-10-09 15:10某市某县拟退出贫困县公示\n根据有关规定,现将拟退出贫困县予以公示。\n"
    assert parse_structure(text).meta.title == "某市某县拟退出贫困县公示"


def test_a_title_and_signature_in_table_cells_and_a_read_counter_that_is_no_recipient():
    text = ("政府信息公开\n| 某市交通运输局关于对市政协八届一次会议第252号提案的答复 | |||\n| 2022-08-09 阅读: | |||\n"
            "李某委员: 你们提出的提案收悉,现答复如下: 该项目已列入规划。 |\n某市交通运输局 2022年7月21日 |\n")
    meta = parse_structure(text).meta
    assert meta.title == "某市交通运输局关于对市政协八届一次会议第252号提案的答复"
    assert (meta.issuer, meta.date) == ("某市交通运输局", "2022-07-21")
    assert not any("阅读" in r for r in meta.recipients)


def test_a_numbered_metadata_list_with_empty_and_unread_fields_is_no_outline():
    text = ("当前位置:首页 > 政策文件\n1. [主题分类]财政、金融、审计\n2. [发文机构]\n3. [实施日期] 2025-12-28\n"
            "4. [成文日期] 2025-12-28\n5. [发文字号]\n某区商务局2026年跨年迎新消费券活动方案\n"
            "为活跃岁末年初消费市场,拟发放餐饮消费券。\n一、活动主题\n跨年迎新消费券。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.date) == ("某区商务局2026年跨年迎新消费券活动方案", "2025-12-28")


def test_bulleted_site_keys_with_their_values_on_the_next_line():
    text = ("某县人民政府工作规则\n• 索引号:\n6107280000/2024-001005\n• 发文机构:\n县政府网站\n• 发文字号:\n"
            "某政发〔2024〕7号\n• 发文日期:\n2024年04月06日 16:40\n某县人民政府工作规则\n第一章总则\n"
            "一、根据有关法律,结合本县实际,制定本规则。\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.date, meta.recipients) == ("某政发〔2024〕7号", "2024-04-06", [])


def test_a_breadcrumbs_news_section_and_a_login_link_are_no_issuer():
    crumb = "当前位置:主页 > 新闻中心 > 高新区新闻 >\n关于加快高新技术企业培育发展的六条措施\n为发展壮大高新技术企业,特制定如下措施。\n一、奖励\n给予奖励。\n"
    login = "登录个人中心\n关于某项工作办理情况的督查通报\n现将具体情况通报如下:\n一、基本情况\n已办结。\n"
    assert (parse_structure(crumb).meta.issuer, parse_structure(login).meta.issuer) == (None, None)


def test_a_row_of_site_fields_without_spaces_opened_by_its_disclosure_mode_names_the_issuer():
    text = ("关于某项工作办理情况的督查通报\n公开方式主动公开发布机构某区人民政府办公室责任部门某区政府办\n"
            "现将具体情况通报如下:\n一、基本情况\n已办结。\n")
    assert parse_structure(text).meta.issuer == "某区人民政府办公室"


def test_a_printed_doc_number_that_lost_its_bracket_gives_way_to_the_same_number_in_the_site_fields():
    text = ("文  号: 某政〔2019〕36号 有 效 性: 失效\n某市人民政府关于印发某市扶持产业发展政策的通知\n某政〔201936\n"
            "各县区人民政府:\n现将政策印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.doc_number == "某政〔2019〕36号"


def test_a_damaged_printed_doc_number_keeps_its_print_where_the_site_gives_another_number():
    text = ("文  号: 某政〔2019〕37号\n某市人民政府关于印发某市扶持产业发展政策的通知\n某政〔201936\n"
            "各县区人民政府:\n现将政策印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.doc_number == "某政〔201936"


def test_a_sites_footer_naming_its_sponsor_is_no_handling_unit():
    text = ("区人大会议建议:第009号--关于加强社区卫生服务中心建设的建议的答复\n李影代表:\n您提出的建议已收悉,现答复如下:\n"
            "一、我局已跟上级相关部门进行了沟通。\n以上是我局的答复。\n主办单位:某区人民政府 版权所有:某市人民政府办公室 网站地图\n"
            "网站标识码:2111210003 ICP备案序号:辽ICP备19013029号-1\n联系电话:0427-3530118\n")
    assert parse_structure(text).meta.issuer is None


def test_a_sites_category_field_is_no_title_and_a_cells_edge_is_no_part_of_one():
    category = ("索  引 号: /2021-06867\n分  类: 规范性文件 ; 通知\n发文机关: 某高新区管理委员会\n"
                "标      题: 某高新区关于加快推进高质量发展的若干政策的通知\n发文字号: 某管规字〔2021〕3号\n"
                "各部门:\n现将若干政策印发给你们。\n")
    cell = ("發文機關: | 某省人民政府 | 發布日期: | 2018/02/14 |\n標??題: | 某省人民政府關于某市開發區優化整合方案的批復 | ||\n"
            "某市人民政府:\n你市請示悉。現批復如下:\n一、同意撤銷某園區。\n")
    assert "规范性文件" not in (parse_structure(category).meta.title or "")
    assert parse_structure(cell).meta.title == "某省人民政府關于某市開發區優化整合方案的批復"


def test_a_disclosure_sites_guide_and_rules_links_are_no_title():
    text = ("政府信息\n公开指南\n\n政府信息\n公开制度\n\n索引号:161069509/2024-11530\n名称:某县森林草原防火戒严令\n\n"
            "某县森林草原防火戒严令\n\n近期我县气候持续干旱,县政府决定实行森林草原防火戒严,特发布如下戒严令。\n一、戒严期间:自发布之日起。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("某县森林草原防火戒严令", "令")


def test_a_reposting_sites_byline_between_two_prints_of_the_title_is_no_part_of_it():
    text = ("某部对十三届全国人大二次会议第2321号建议的答复\n\nadmin 484 2022-09-21\n\n"
            "某部对十三届全国人大二次会议第2321号建议的答复\n\n某建字〔2019〕196号\n\n您提出的建议收悉,现答复如下:\n")
    assert parse_structure(text).meta.title == "某部对十三届全国人大二次会议第2321号建议的答复"


def test_a_letters_closing_words_over_the_signature_are_no_part_of_the_unit():
    text = ("关于依法打击违法开垦的函\n各乡镇人民政府:\n根据有关通知要求,请各乡镇依法打击违法开垦行为。\n此函\n\n"
            "某旗农牧业局\n2017年9月1日\n")
    assert parse_structure(text).meta.issuer == "某旗农牧业局"


def test_an_untitled_notices_preamble_announcing_what_follows_names_its_type():
    text = ("各苏木乡镇人民政府,旗直各有关部门:\n为推进依法行政,现就行政规范性文件清理工作有关事宜通知如下。\n"
            "一、清理范围\n以政府规章为依据制定的行政规范性文件。\n")
    assert parse_structure(text).meta.doc_type == "通知"


def test_a_signature_and_its_date_run_onto_the_title_are_not_the_title():
    text = "某县人民政府办公室2023年10月7日某县鼓励企业上市挂牌若干措施为进一步加大我县企业上市挂牌工作力度,制定如下措施。\n"
    assert parse_structure(text).meta.title == "某县鼓励企业上市挂牌若干措施"


def test_a_signature_line_closed_by_its_disclosure_note_signs_the_cover_above_the_title():
    text = ("各镇人民政府,县政府各部门:\n《进一步做好就业创业工作若干政策措施》已经县政府常务会议审议通过,现印发给你们,请认真贯彻落实。\n"
            "某县人民政府 2024年12月30日 (此件公开发布)\n进一步做好就业创业工作若干政策措施\n为实施更加积极的就业政策,提出如下政策措施。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.date) == ("进一步做好就业创业工作若干政策措施", "某县人民政府", "2024-12-30")


def test_a_page_copy_of_the_notice_title_cut_at_its_head_gives_way_to_the_attached_title():
    meta = _meta("liancheng-2023-measures-xiandai-fuwuye-fazhan")     # 现代服务业…(修订)的通知 / cover / 连城县加快…(修订)
    assert (meta.title, meta.doc_type) == ("连城县加快现代服务业发展若干政策措施(修订)", "通知")


def test_a_font_size_control_one_size_a_line_is_no_part_of_the_title():
    text = ("来源:\n- 小\n- 中\n- 大\n市政府对市政协十五届四次会议委员第37号建议的答复\n周凤成、王义委员:\n"
            "对您提出的《修建公交候车亭的建议》已收悉,现答复如下:\n")
    assert parse_structure(text).meta.title == "市政府对市政协十五届四次会议委员第37号建议的答复"


def test_an_issuer_mark_on_one_line_under_a_read_aloud_button_names_the_issuer():
    text = ("朗读\n开化县桐村镇人民政府文件\n桐政[2009]21号\n关于组织开展\n2009年全国“安全生产月”活动的通知\n"
            "各村委会、镇属企事业单位:\n现就我镇开展“安全生产月”活动通知如下:\n一、活动主题\n")
    assert parse_structure(text).meta.issuer == "开化县桐村镇人民政府"


def test_an_accessibility_toolbar_one_button_a_line_is_no_head_of_the_title():
    text = ("拼音\n辅助浏览\n读屏\n放大\n缩小\n后退\n前进\n全屏\n刷新\n退出\n帮助\n换肤\n对市政协四届五次会议第21064号提案的答复\n"
            "发布日期:2021-08-12 10:24 发布机构:随州市商务局 编辑:随州市商务局 审核: 系统管理员\n"
            "尊敬的谢宏顺委员:\n您提出的《关于加大菜市场建设力度的建议》收悉,现答复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("对市政协四届五次会议第21064号提案的答复", "随州市商务局")


def test_a_line_above_a_title_opening_with_关于_does_not_run_into_it():
    text = ("地址:\n长沙市天心区融城路18号\n远航企业广场C座8楼\n关于提升发展开放型经济的实施细则\n"
            "为进一步提升我区开放型经济发展水平,制定本细则。\n一、鼓励外贸出口\n")
    assert parse_structure(text).meta.title == "关于提升发展开放型经济的实施细则"


@pytest.mark.parametrize("line, number, category", [
    ("类别:B 杨退军函〔2023〕6号", "杨退军函〔2023〕6号", "B"),
    ("类别  A类                     杨政工函﹝2023﹞72号", "杨政工函﹝2023﹞72号", "A"),
])
def test_a_doc_number_after_the_category_on_its_line(line, number, category):
    text = (line + "\n杨陵区退役军人事务局\n关于区十届人大二次会议第32号代表建议办理情况的复函\n张某代表:\n"
            "您提出的建议收悉,现答复如下:\n一、关于优抚工作。我局已落实。\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.category) == (number, category)


def test_a_doc_number_in_spaced_brackets_under_the_title():
    text = ("江西省吉安市人民政府办公室\n关于印发吉安市市本级政务公开工作实施细则的通知\n( 吉府发〔2003〕37号 )\n"
            "各县(市、区)人民政府:\n现将《细则》印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.doc_number == "吉府发〔2003〕37号"


def test_a_forums_copy_strewn_with_filler_keeps_its_title_and_issuer():      # …的通知3 l' R0 Q! D; x$ Z
    meta = _meta("wenshang-notice-guomin-xiuxianhui-huodong-fangan-trad")
    assert (meta.title, meta.issuer) == ("汶上縣人民政府辦公室關于印發(fā)汶上縣國民休閑匯活動實施方案的通知",
                                         "汶上縣人民政府辦公室")


def test_a_signature_run_into_the_text_gives_issuer_and_date():      # …遵照执行。东丽区人民政府二〇一一年五月二十八日东丽区…
    meta = _meta("dongli-2011-notice-keji-shierwu-guihua")
    assert (meta.issuer, meta.date) == ("东丽区人民政府", "2011-05-28")


def test_a_shared_copys_pages_give_the_items_they_break_across():      # 1、…助力重庆对接招引 / 2、商业品牌首店,…
    record = extract(REAL / "chongqing-shangwuwei-measures-shoudian-jingji-zhengqiu-yijian.txt", isolate=False)
    assert [m.label for m in record.measures] == ["(一)", "(二)", "(三)", "(四)"]


def test_a_long_publishing_body_before_发布_and_a_validity_note_are_no_part_of_the_title():
    text = ("贵州省住房资金管理中心发布《关于调整住房公积金贷款相关政策的通知\n各市(州)住房公积金管理中心:\n"
            "为支持缴存职工合理住房需求,现将有关事项通知如下:\n一、首套住房贷款最高额度调整为60万元。\n")
    assert parse_structure(text).meta.title == "关于调整住房公积金贷款相关政策的通知"
    text = ("(此文件废止)盘政办发〔2018〕69号盘锦市人民政府办公室关于印发盘锦市推进厕所革命实施方案的通知\n"
            "各县、区人民政府:\n现将《方案》印发给你们,请认真贯彻执行。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number) == ("盘锦市人民政府办公室关于印发盘锦市推进厕所革命实施方案的通知", "盘政办发〔2018〕69号")


@pytest.mark.parametrize("text", [
    "区防指各成员单位:\n区防指制定了《某区防汛抗旱应急预案》。现印发给你们,望遵照执行。\n2025年7月30日\n1 总则\n",
    "某政办发〔2024〕21号\n各区人民政府:\n经市政府同意,现将修订后的《某市防汛应急预案》予以印发,请认真贯彻执行。\n",
    "各乡(镇)财政所:\n根据有关文件要求,决定下拨救灾补助资金。现将相关事宜通知于后:\n一、资金主要用于受灾群众恢复生产。\n",
])
def test_an_untitled_cover_letter_issuing_or_announcing_is_a_notice(text):
    assert parse_structure(text).meta.doc_type == "通知"


def test_a_cover_letters_related_links_end_where_the_issued_document_is_printed():
    text = ("各县市人民政府,州人民政府各部门:\n现将《2022年度某州优化营商环境工作方案》印发你们,请认真抓好贯彻落实。\n"
            "某州人民政府办公室\n2022年2月17日\n相关链接:\n《2022年度某州优化营商环境工作方案》政策解读\n"
            "2022年度某州优化营商环境工作方案\n为深入贯彻优化营商环境各项部署要求,制定本工作方案。\n一、总体要求\n"
            "(一)全面实现“一网通办”。\n")
    s = parse_structure(text)
    assert (s.meta.title, s.meta.doc_type) == ("2022年度某州优化营商环境工作方案", "通知")
    assert [x.label for x in s.sections][:2] == ["一", "(一)"]


def test_a_replys_closing_unit_signs_it_over_a_contact_line_without_a_date():
    text = ("对区九届人大一次会议第126号建议的答复\n张海军代表:\n你提出的“关于井儿小学冬季清洁取暖的建议”收悉,现答复如下:\n"
            "项目已于5月启动建设,今年冬季正常投入使用。\n感谢你们对我区教育事业的关心和支持!\n某区教育局\n(联系人:董 斌 联系电话:2724585)\n")
    assert parse_structure(text).meta.issuer == "某区教育局"


def test_a_sites_numbered_issuer_field_above_the_title_is_read_as_a_field():
    text = ("当前位置: 首页 > 政务公开 > 政策文件\n  5. [发文机关] 北京市密云区密云镇人民政府\n  6. [发文字号] 密镇政字〔2018〕36号\n"
            "  7. [标题] 北京市密云区密云镇人民政府突发事件应急预案\n  8. [成文日期] 2018-06-29\n"
            "一、总则\n(一)密云镇位于密云区西南部的平原地带。\n")
    assert parse_structure(text).meta.issuer == "北京市密云区密云镇人民政府"


def test_a_disclosure_sites_section_name_above_the_title_is_no_part_of_it():
    text = "政府信息公开\n对区九届人大一次会议第126号建议的答复\n张海军代表:\n你提出的建议收悉,现答复如下:\n"
    assert parse_structure(text).meta.title == "对区九届人大一次会议第126号建议的答复"


def test_a_page_control_before_the_sites_name_is_no_issuer_mark():
    text = ("无障碍浏览\n长者模式 南华县人民政府\n首页 >> 公开信息内容\n"
            "南华县人民政府关于实施安全工程三年行动计划(2018—2020年)的意见\n南政发〔2019〕4号\n"
            "各乡镇人民政府,县直各部门:\n为深入推进安全工程建设,现提出如下意见。\n")
    assert parse_structure(text).meta.issuer == "南华县人民政府"


def test_a_joint_signature_may_close_with_a_survey_team():
    text = ("四川省民政厅等5部门关于发布2023年全省城乡居民最低生活保障标准低限的通知\n各市(州)民政局:\n"
            "现发布2023年全省城乡居民最低生活保障标准低限。\n请各市(州)据此调整,并报民政厅备案。\n"
            "四川省民政厅   四川省财政厅\n四川省统计局                 国家统计局四川调查总队\n2023年9月15日\n")
    meta = parse_structure(text).meta
    assert meta.date == "2023-09-15" and meta.issuer.endswith("国家统计局四川调查总队")


def test_a_decree_carries_the_rules_it_promulgates():
    text = ("甘肃省人民政府令\n第71号\n《甘肃省陆生野生保护动物造成人身伤害和财产损失补偿办法》已经2010年9月3日省人民政府"
            "第62次常务会议讨论通过,现予公布,自2010年11月1日起施行。\n代省长 刘伟平\n二○一○年九月九日\n"
            "第一条 为保障公民的权利,制定本办法。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type, meta.doc_number, meta.issuer) == (
        "甘肃省陆生野生保护动物造成人身伤害和财产损失补偿办法", "办法", "甘肃省人民政府令第71号", "甘肃省人民政府")


def test_an_announcements_heading_without_rules_promulgated_stays_the_announcement():
    text = "某市人民政府令\n第3号\n现将森林防火禁火有关事项命令如下:\n一、禁止野外用火。\n"
    assert parse_structure(text).meta.doc_number == "第3号"


def test_an_attachments_name_wrapped_above_the_signature_is_no_part_of_the_signer():
    text = ("垫江县发展和改革委员会关于停车场停车收费标准的通知\n重庆垫江人力资源管理有限公司:\n"
            "你司申请收悉。现将收费标准通知如下。\n附件:县级机关综合楼和档案馆地面停车场停车服务\n收费政府指导价标准\n"
            "垫江县发展和改革委员会\n2023年2月13日\n")
    assert parse_structure(text).meta.issuer == "垫江县发展和改革委员会"


def test_a_long_signer_wrapped_under_a_whole_attachment_name_stays_whole():
    text = ("关于民族团结进步示范单位的公示\n各乡镇:\n现将名单予以公示。\n附  件:2020年裕民县示范单位名单.xls\n"
            "裕民县民族团结进步创建工作\n领导小组办公室\n2020年11月19日\n")
    assert parse_structure(text).meta.issuer == "裕民县民族团结进步创建工作领导小组办公室"


def test_a_reply_closing_with_tecihuifu_keeps_it_out_of_the_signature():
    text = ("大姚县交通运输局关于对县人大第53号建议办理情况的答复\n李正英等代表:\n你们的建议很好,我局已将项目纳入规划。\n"
            "特此回复\n\n大姚县交通运输局\n\n2021年6月28日\n")
    assert parse_structure(text).meta.issuer == "大姚县交通运输局"


def test_empty_category_and_signer_fields_above_a_reply_are_no_recipients():
    text = ("西安市阎良区应急管理局对区政协九届二次会议第123号提案的复函\n\n类别:\n签发人:\n阎应急函〔2023〕1号\n\n"
            "类别:B\n\n签发人:苗高海\n\n阎应急函〔2023〕1号\n\n王瑞委员:\n您提出的提案收悉,现答复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.recipients) == ("阎应急函〔2023〕1号", ["王瑞委员"])


def test_a_bodys_name_a_short_subject_and_a_type_name_the_issuer():
    text = "宁武县人民政府封山令\n宁政令〔2023〕1号\n当前,我县已进入春季森林草原防火特险期。\n"
    assert parse_structure(text).meta.issuer == "宁武县人民政府"
    text = "彭阳县禁止燃放烟花爆竹通告\n为保障公共安全,现通告如下。\n"
    assert parse_structure(text).meta.issuer is None          # a bare place is no issuer


def test_a_reports_unit_under_its_title_above_the_addressee_is_its_issuer():
    text = ("关于省九届人大三次会议以来代表建议、批评和意见办理情况的报告\n发布时间:2002年10月15日\n"
            "省人大选举任免联络委员会\n省人大常委会:\n省九届人大三次会议以来,代表共提出建议401件。\n")
    assert parse_structure(text).meta.issuer == "省人大选举任免联络委员会"


def test_a_site_row_under_the_title_above_the_addressee_is_no_issuer():
    text = ("关于印发《某县2023年衔接资金使用计划》的通知\n公开方式主动公开所属机构中宁县扶贫开发服务中心责任部门中宁县扶贫开发服务中心\n"
            "各乡镇人民政府:\n现将计划印发给你们。\n")
    assert parse_structure(text).meta.issuer == "中宁县扶贫开发服务中心"
    text = ("关于对自治州十五届人大五次会议代表第2号建议的答复函\n发布机构 阿图什市人民政府 发布日期 2025-06-20\n"
            "来源阿图什市人民政府\n伊力亚尔·买买提代表:\n您的建议收悉,现答复如下:\n")
    assert parse_structure(text).meta.issuer == "阿图什市人民政府"


def test_a_byline_giving_the_time_before_the_unit_under_a_row_of_chrome_names_the_issuer():
    text = ("三亚市第八届人民代表大会第六次会议代表议案以及建议办理情况的报告\n【字体: 打印\n"
            "2026-01-26 15:53 市人大常委会办公室\n2025年,收到代表团和代表提出议案4件、建议211件。\n")
    assert parse_structure(text).meta.issuer == "市人大常委会办公室"


def test_a_rules_note_naming_the_bodies_that_published_it_gives_its_date_and_issuer():
    text = ("中共河南省委办公厅 河南省人民政府办公厅印发\n《河南省乡村振兴责任制实施细则》\n"
            "(2023年8月25日中共河南省委常委会会议审议批准 2023年9月27日中共河南省委办公厅 河南省人民政府办公厅发布)\n"
            "第一章 总则\n第一条 为了全面落实乡村振兴责任制,制定本细则。\n")
    meta = parse_structure(text).meta
    assert (meta.date, "".join(meta.issuer.split())) == ("2023-09-27", "中共河南省委办公厅河南省人民政府办公厅")


def test_a_pages_headline_over_its_posting_line_is_the_title_where_no_line_reads_as_one():
    text = ("欢迎访问巨鹿人民政府网站\n官亭镇调度秸秆禁烧工作\n发布时间:2020-10-07  发布机构:官亭镇人民政府  浏览次数:106\n"
            "2020年10月7日李扬镇长调度秸秆禁烧工作:\n一、要落实责任。镇村干部务必加强认识。\n")
    assert parse_structure(text).meta.title == "官亭镇调度秸秆禁烧工作"
    text = "海南:促进文体会展活动恢复振兴设立1.1亿元文体专项奖补资金\n来源:新华网 时间:2023-02-01\n近日,海南出台措施。\n"
    assert parse_structure(text).meta.title is None           # a news headline is no document's title


def test_a_headlines_source_line_names_the_issuer_and_ends_before_the_posting_time():
    text = ("秀屿区双季稻规模种植补助项目政策公开\n来源:秀屿区农业农村局 时间:2024-09-11 09:05\n一、补助依据\n"
            "《关于印发2024年稳定粮油生产十六条措施的通知》\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("秀屿区双季稻规模种植补助项目政策公开", "秀屿区农业农村局")


def test_a_catalogues_numbered_rows_with_empty_joint_issuers_and_a_gazette_source_are_no_items():
    text = ("1. [主题分类] 综合政务/应急管理\n2. [发文机构] 北京市人民政府\n3. [联合发文单位]\n4. [成文日期] 2016-03-26\n"
            "5. [发文字号] 京政发〔2016〕14号\n6. [文件来源] 政府公报 年 第期(总第期)\n"
            "北京市人民政府关于印发《北京市突发事件总体应急预案(2016年修订)》的通知\n京政发〔2016〕14号\n"
            "各区人民政府:\n现将《北京市突发事件总体应急预案(2016年修订)》印发给你们。\n")
    meta = parse_structure(text).meta
    assert meta.title == "北京市人民政府关于印发《北京市突发事件总体应急预案(2016年修订)》的通知"


def test_a_cover_issuing_two_documents_takes_the_title_printed_after_the_attachment_mark():
    text = ("省农民工工作联席会议成员单位:\n《河北省农民工工作联席会议2007年工作要点》和《关于贯彻落实农民工权益保障制度的意见》"
            "已经领导同志批准,现印发给你们,请认真抓好贯彻落实。\n附件: 河北省农民工工作联席会议2007年工作要点\n"
            "根据省政府57号文件,现提出2007年工作要点。\n一、建立农民工工资支付保障制度\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("河北省农民工工作联席会议2007年工作要点", "通知")


def test_a_letterhead_run_into_the_doc_number_is_no_part_of_it():
    text = ("南溪县长兴镇人民政府文件 长府发[2001]15号\n南溪县长兴镇人民政府关于印发《卫生保健规划》的通知\n"
            "各村:\n现将规划印发给你们。\n")
    assert parse_structure(text).meta.doc_number == "长府发[2001]15号"
    text = ("索引号:00817441-9/2018-60658 文 号:中共海南省委文件琼发〔2018〕15号 发布日期:2018-09-11\n"
            "中共海南省委、海南省人民政府关于印发《海南省打赢脱贫攻坚战三年行动计划》的通知\n各市、县:\n现印发给你们。\n")
    assert parse_structure(text).meta.doc_number == "琼发〔2018〕15号"


def test_a_signature_date_read_two_ways_takes_the_latest_reading_before_the_page_posted_it():
    text = ("天津市人民政府印发关于促进民营经济发展壮大若干措施的通知\n发布时间:2023-11-13 11:55\n"
            "各区人民政府:\n现将《若干措施》印发给你们,望遵照执行。\n天津市人民政府\n2023114\n")
    assert parse_structure(text).meta.date == "2023-11-04"
    text = "关于做好春耕工作的通知\n各乡镇:\n请做好春耕工作。\n某县农业农村局\n2023114\n"
    assert parse_structure(text).meta.date == "2023-01-14"      # no posting date: the one-digit month


def test_a_signature_date_broken_at_its_units_is_one_date_and_no_part_of_the_title(tmp_path):
    text = ("《某县城市管理办法(试行)》已经县人民政府常务会议讨论通过,现予公布。\n某县人民政府\n2012\n年11\n月13\n日\n"
            "某县城市管理办法(试行)\n第一章 总则\n第一条 为规范城市管理工作,制定本办法。\n")
    path = tmp_path / "decree.txt"
    path.write_text(text, encoding="utf-8")
    meta = extract(path, isolate=False).meta
    assert (meta.title, meta.date) == ("某县城市管理办法(试行)", "2012-11-13")


def test_a_signature_naming_the_bodys_second_name_or_a_bracketed_part_of_its_name_is_the_issuer():
    text = ("对某县第十九届人大三次会议第49号建议的复函\n高华代表:\n您提出的建议收悉。现答复如下:我局已配建老年活动场所。\n"
            "某县住房和城乡建设局(县城市执法管理局) 2024年7月12日\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("某县住房和城乡建设局(县城市执法管理局)", "2024-07-12")
    text = ("各管理区党委:\n现将《人才计划实施办法》印发给你们,请认真抓好贯彻落实。\n"
            "中共黄石新港(物流)工业园区工作委员会办公室\n2021年6月21日\n")
    assert parse_structure(text).meta.issuer == "中共黄石新港(物流)工业园区工作委员会办公室"


def test_a_pages_keywords_printed_over_the_title_are_no_part_of_it():
    text = ("关键词:康养产业,康养产业规划\n康养产业,康养产业规划,康养产业发展,康养产业发展规划\n"
            "支持康养产业发展行动计划(2019-2021)\n为打造康养品牌,制定本计划。\n一、总体目标\n")
    assert parse_structure(text).meta.title == "支持康养产业发展行动计划(2019-2021)"


def test_a_signature_date_that_lost_its_year_and_day_marks_but_keeps_its_month_is_read():
    text = ("某市住房和城市更新局对市人大第16号意见的答复\n熊勇代表:\n您提出的建议收悉,现答复如下:我局将加快建设。\n"
            "某市住房和城市更新\n20246月14\n")
    assert parse_structure(text).meta.date == "2024-06-14"


def test_a_suggestion_numbered_between_sessions_keeps_its_mark_in_the_doc_number():
    text = ("建议主办[2023]闭08号 签发人:马伟\n崔明礼代表:\n您提出的建议收悉,现答复如下:此路口不适合安装信号灯。\n"
            "某市公安局\n2023年6月8日\n")
    assert parse_structure(text).meta.doc_number == "建议主办[2023]闭08号"


def test_a_preamble_printed_without_its_commas_that_announces_the_document_is_no_title():
    text = ("关于实施市场主体倍增工程的意见\n发布日期:2022-03-04 09:35 来源:\n晋发〔2021〕67号\n"
            "为深入贯彻总书记重要讲话精神聚焦市场主体需求关切确保全省市场主体数量实现倍增提出如下意见\n"
            "一、大幅放宽市场准入\n1.持续深化商事制度改革。(责任单位:省市场监管局)\n")
    assert parse_structure(text).meta.title == "关于实施市场主体倍增工程的意见"


def test_a_gazettes_file_status_row_is_no_part_of_the_title_and_its_issuer_field_names_the_place():
    text = ("市政府关于进一步扩大有效投资的实施意见\n发布时间:2022年07月25日\n文号 锡政发〔2022〕15号\n"
            "制发机关  无锡市人民政府\n成文日期 2022-04-28 14:50:08\n文件状态 执行中\n\n"
            "市政府关于进一步扩大有效投资的实施意见\n各市(县)、区人民政府:\n为全力扩大有效投资,提出如下意见。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("市政府关于进一步扩大有效投资的实施意见", "无锡市人民政府")


def test_an_author_field_naming_a_unit_gives_the_issuer_where_the_title_names_only_the_place():
    text = ("黑龙江省关于增报2021年保护性耕作实施面积的通知\n"
            "作者:黑龙江省农业农村厅农业机械化管理处 本站发布时间:2021年02月05日 收藏\n"
            "各市(地)、县(市、区)农业农村局:\n现将有关事项通知如下。\n")
    assert parse_structure(text).meta.issuer == "黑龙江省农业农村厅农业机械化管理处"


def test_a_decrees_note_opening_the_page_gives_its_date_number_and_the_government_that_made_it():
    text = ("(2004年9月5日吉林省人民政府令第163号公布 自公布之日起施行)\n"
            "第一条 为建立公正透明的行政管理体制,制定本办法。\n第二条 本办法所称的政务信息,是指行政机关掌握的信息。\n")
    meta = parse_structure(text).meta
    assert (meta.date, meta.doc_number, meta.issuer) == ("2004-09-05", "吉林省人民政府令第163号", "吉林省人民政府")


def test_a_decrees_maker_yields_to_the_issuer_the_page_names():
    meta = _meta("lasa-2002-measures-budalagong-guangchang-guanli-banfa")
    assert (meta.doc_number, meta.issuer) == ("拉萨市人民政府令第1号", "西藏自治区拉萨市人民政府")


LAW_DB = ("某区关于进一步扶持藏医药事业发展的意见文章属性•【制定机关】西藏自治区人民政府•【公布日期】2010.09.29"
          "•【字号】藏政发[2010]68号•【施行日期】2010.09.29•【效力等级】地方规范性文件正文西藏自治区人民政府关于"
          "进一步扶持和促进藏医药事业发展的意见(藏政发〔2010〕68号二0一0年九月二十九日)各行署、拉萨市人民政府:"
          "为贯彻落实精神,现提出如下意见。\n一、充分认识重要性\n")


def test_a_law_databases_article_properties_give_maker_date_and_number_and_end_the_title():
    meta = parse_structure(LAW_DB.replace("某区关于", "西藏自治区人民政府关于", 1)).meta
    assert (meta.title, meta.issuer, meta.date, meta.doc_number) == (
        "西藏自治区人民政府关于进一步扶持藏医药事业发展的意见", "西藏自治区人民政府", "2010-09-29", "藏政发〔2010〕68号")


def test_a_title_line_that_runs_on_into_the_letter_ends_the_header():
    text = ("上海市徐汇区人民政府办公室转发区文化局制定的《徐汇区文化发展专项资金管理办法》的通知\n"
            "上海市徐汇区人民政府办公室转发区文化局制定的《徐汇区文化发展专项资金管理办法》的通知文章属性•【制定机关】"
            "上海市徐汇区人民政府•【公布日期】2012.06.12•【字号】徐府办发[2012]19号正文各委、办、局:现将《办法》转发给你们,"
            "请遵照执行。\n\n徐汇区文化发展专项资金管理办法第一章总则第一条为了促进文化发展,制定本办法。\n")
    assert parse_structure(text).meta.title == \
        "上海市徐汇区人民政府办公室转发区文化局制定的《徐汇区文化发展专项资金管理办法》的通知"


def test_a_signature_wrapped_at_a_quoted_slogan_is_one_unit():
    text = ("关于公布2020年茶产业绿色发展奖补名单的通知\n各州(市)农业农村局:\n现将名单予以公布。\n"
            "云南省打造世界一流“绿色食品牌”\n工作领导小组办公室\n2021年5月21日\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("云南省打造世界一流“绿色食品牌”工作领导小组办公室", "2021-05-21")


def test_a_unit_line_over_a_title_that_opens_with_pizhuan_is_the_titles_head():
    text = ("黑龍江省人民政府\n批轉省教育廳黑龍江省教育事業發展“十一五”規劃的通知\n黑政發〔2007〕89號\n"
            "各市、縣人民政府:\n省政府同意省教育廳制定的規劃,現轉發給你們。\n二○○七年十一月二十六日\n")
    assert parse_structure(text).meta.title == "黑龍江省人民政府批轉省教育廳黑龍江省教育事業發展“十一五”規劃的通知"


def test_a_sumu_named_by_the_sites_publisher_field_is_the_issuer():
    text = ("发布机构: 辉苏木 主题分类: 综合政务\n文号: 鄂辉政发〔2024〕14号\n成文日期: 2024-11-01\n"
            "关于加强辉苏木地区异地转场越冬登记监管工作的通知\n各嘎查社区:\n为保护草原生态环境,现就有关要求通知如下。\n")
    assert parse_structure(text).meta.issuer == "辉苏木"


def test_a_category_after_the_number_and_a_replys_disclosure_note_are_no_part_of_its_title():
    text = ("澧县文旅广体局对县政协九届六次会议第3号提案的回复\n2020-08-15 09:47 信息来源:澧县文旅广体局\n"
            "澧文提复[2020]1号A类\n(此回复件公开)\n对县政协九届六次会议第3号提案的回复\n张健委员:\n"
            "你提出的《关于加快桔柚产业发展的提案》收悉。现回复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number) == ("澧县文旅广体局对县政协九届六次会议第3号提案的回复", "澧文提复[2020]1号")


def test_a_rules_note_under_the_title_printed_again_gives_the_date_not_the_boxes_effective_date():
    text = ("黑龍江省重大行政決策程式暫行規定\n《黑龍江省重大行政決策程式暫行規定》旨在健全決策機制。\n基本介紹\n"
            "  • 中文名:黑龍江省重大行政決策程式暫行規定\n  • 公布機關:黑龍江省人民政府 \n  • 發文字號:黑龍江省人民政府令第4號 \n"
            "  • 實施時間:2021年8月1日 \n規定公布\n黑龍江省重大行政決策程式暫行規定\n"
            "(2021年6月21日黑龍江省人民政府令第4號公布 自2021年8月1日起施行)\n第一章 總 則\n第一條 為了健全科學決策機制,制定本規定。\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("黑龍江省人民政府", "2021-06-21")


def test_a_decrees_maker_outranks_the_sites_source():
    text = ("成都市科学技术奖励办法\n入库时间:2006-09-28|字体:| 下载收藏\n  来源:国资数据中心\n"
            "(2006年09月28日成都市人民政府令第128号公布自2017年03月02日起施行)\n\n第一条(目的依据)\n"
            "为了调动科学技术工作者的积极性,制定本办法。\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.doc_number, meta.date) == ("成都市人民政府", "成都市人民政府令第128号", "2006-09-28")


def test_a_decree_heading_with_its_number_on_one_line_carries_the_rules_it_issues():
    text = ("湖北省行政事业性收费管理办法\n作者:法律资料网 时间:2024-06-26 07:53:48\n湖北省行政事业性收费管理办法\n湖北省人民政府\n\n"
            "湖北省人民政府令(第52号)\n\n  《湖北省行政事业性收费管理办法》已经一九九三年十月十九日省人民政府常务会议审议通过,现发布施行。\n"
            "                         省长 贾志杰\n                           一九九四年一月三日\n"
            "           湖北省行政事业性收费管理办法\n  第一条 为加强对行政事业性收费的管理,制定本办法。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type, meta.doc_number, meta.issuer) == (
        "湖北省行政事业性收费管理办法", "办法", "湖北省人民政府令(第52号)", "湖北省人民政府")


def test_a_sites_bulleted_column_names_are_no_title():
    text = ("成都温江:关于开展“科研项目配套支持奖励”项目申报的通知\n\n  • 成都医学城\n  • 2021-10-26\n  • 申报通知\n"
            "  • 公示公告\n  • 管理办法\n\n区内相关企业、机构:\n    现将有关申报事项通知如下:\n    一、扶持对象\n民营企业。\n")
    assert parse_structure(text).meta.title == "关于开展“科研项目配套支持奖励”项目申报的通知"


def test_a_group_signing_with_a_seal_note_on_its_line_is_the_issuer():
    text = ("- 发布机构:泉州市石狮生态环境局\n- 标题:石狮市实施乡村振兴战略乡村生态振兴专项小组关于下达认定结果的函\n"
            "宝盖镇、蚶江镇人民政府:\n现认定松茂村为初级版“绿盈乡村”。\n希望各镇再接再厉。\n"
            "石狮市实施乡村振兴战略乡村生态振兴专项小组(代章)\n2023年7月25日\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("石狮市实施乡村振兴战略乡村生态振兴专项小组", "2023-07-25")


def test_a_seal_owner_marked_under_the_signer_is_no_second_issuer():
    text = ("某省质量强省工作领导小组办公室关于印发《2023年某省质量强省工作要点》的通知\n各设区市质量强市工作领导小组办公室:\n"
            "现将工作要点印发给你们,请认真贯彻落实。\n某省质量强省工作领导小组办公室\n某省市场监督管理局(代章)\n2023年5月6日\n")
    assert parse_structure(text).meta.issuer == "某省质量强省工作领导小组办公室"


def test_the_standing_committee_whose_meeting_adopted_the_rules_is_their_issuer():
    text = ("当前位置: 法律博客 > 法律法规 > 地方法规 > 正文\n\n青海湖景区管理条例\n\n日期:2021-09-04 16:11:56 来源:互联网\n\n"
            "(2014年9月26日青海省第十二届人民代表大会常务委员会第十三次会议通过 根据2020年7月22日青海省第十三届人民代表大会"
            "常务委员会第十八次会议《关于修改<青海省预算管理条例>等五十四部地方性法规的决定》修正)\n\n目录\n\n第一章 总则\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("青海省第十二届人民代表大会常务委员会", "2014-09-26")


def test_a_note_recording_a_higher_congresss_approval_names_no_issuer():
    text = ("某州城镇管理条例\n(2020年4月24日某州第十三届人民代表大会常务委员会第二十六次会议通过 "
            "2020年7月22日某省第十三届人民代表大会常务委员会第十八次会议批准)\n第一章 总则\n")
    assert parse_structure(text).meta.issuer is None


def test_a_reply_title_naming_a_suggestions_lettered_number_is_the_title_not_a_doc_number():
    text = ("  • 新郑市新建路街道办事处\n  • 2025-07-25\n关于老旧街道人行道地砖重新铺装建议的答复\n"
            "关于市六届人大六次会议第B(2025)174号建议的回复\n\n张浩代表:\n\n您提出的建议收悉。现答复如下:\n该路段损坏严重。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number) == ("关于市六届人大六次会议第B(2025)174号建议的回复", None)


def test_a_tax_databases_keyword_row_is_no_title_and_its_box_names_the_letter():
    text = ("山东省财政厅中国人民银行济南分行关于印发《山东省财政国库管理\n\n乐税智库文档\n\n"
            "山东省财政厅中国人民银行济南分行关于印发《山东省财政国库管理制度改革实施意见》的通知\n\n"
            "【标 签】财政国库,管理制度,改革实施意见\n\n【颁布单位】山东省财政厅,中国人民银行济南分行\n\n"
            "【文 号】鲁财库﹝2002﹞24号\n\n【发文日期】2002-09-12\n\n各市人民政府,省直各部门:\n\n"
            "《山东省财政国库管理制度改革实施意见》已经省政府同意,现印发给你们,请认真贯彻实施。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type, meta.doc_number, meta.date) == (
        "山东省财政厅中国人民银行济南分行关于印发《山东省财政国库管理制度改革实施意见》的通知", "通知",
        "鲁财库﹝2002﹞24号", "2002-09-12")


@pytest.mark.parametrize("line, title", [
    ("丰城市关于加强县域商业体系建设促进农村消费的实施方案(第二次征求意见稿)",
     "丰城市关于加强县域商业体系建设促进农村消费的实施方案(第二次征求意见稿)"),
    ("光明区支持企业高质量发展的若干措施(2020)", "光明区支持企业高质量发展的若干措施(2020)"),
    ("北京市机动车公共停车场管理办法 (2001)", "北京市机动车公共停车场管理办法"),
])
def test_a_drafts_round_and_an_editions_year_glued_to_the_title_belong_to_it_a_spaced_tag_does_not(line, title):
    text = line + "\n为促进发展,制定本措施。\n一、支持企业发展\n对企业给予奖励。\n"
    assert parse_structure(text).meta.title == title


def test_a_date_run_onto_the_attachment_line_or_glued_to_the_doc_number_dates_the_letter():
    text = ("河南省财政厅 河南省科技厅关于下达2014年度国家科学技术奖省级奖励资金的通知\n有关市县财政局、科技局:\n"
            "现将奖励资金下达给你们。\n附件:2014年度国家科学技术奖省级奖励资金预算表 2015年4月23日\n")
    assert parse_structure(text).meta.date == "2015-04-23"
    text = ("摘要\n赣府厅字[2018]87号2018年9月18日各市、县(区)人民政府,省政府各部门:一年来,全省各地认真落实森林防火责任。\n"
            "出处\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.date) == ("赣府厅字[2018]87号", "2018-09-18")
    text = "某县关于做好工作的通知\n各乡镇:\n现将有关事项通知如下。\n附件:2015年4月23日会议纪要\n"
    assert parse_structure(text).meta.date is None


def test_a_signers_name_wrapped_under_a_closed_numbered_item_is_read_whole():
    text = ("关于公布2021年度一县一业示范县名单的通知\n各州、市人民政府:\n经研究,现将名单公布如下。\n二、工作要求\n"
            "(三)各级办公室要压实责任、强化监督、加强指导。\n云南省打造世界一流“绿色食品牌”\n工作领导小组办公室\n2021年6月17日\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("云南省打造世界一流“绿色食品牌”工作领导小组办公室", "2021-06-17")


def test_a_task_force_signs_as_a_zhuanban():
    text = ("各市、县、自治县人民政府,省政府直属各单位:\n《示范市县创建工作方案》已经省政府同意,现印发给你们,请认真贯彻落实。\n"
            "海南省优化营商环境工作专班\n2022年10月11日\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("海南省优化营商环境工作专班", "2022-10-11")


def test_a_journal_abstracts_mark_is_no_part_of_the_doc_number_line():
    text = "<正>鲁政字〔2023〕17号各市人民政府,各县(市、区)人民政府:根据《全国经济普查条例》规定,国务院决定开展普查。\n"
    assert parse_structure(text).meta.doc_number == "鲁政字〔2023〕17号"


@pytest.mark.parametrize("text, title, number", [
    ("河南省高標準農田建設規劃(2021—2030年)\n\n《河南省高標準農田建設規劃(2021—2030年)》由河南省人民政府辦公廳發布。\n\n"
     "基本介紹\n\n  • 中文名:河南省高標準農田建設規劃(2021—2030年)\n  • 頒布時間:2022年9月7日\n"
     "  • 發布單位:河南省人民政府辦公廳\n發布通知\n\n河南省人民政府辦公廳關於印發河南省高標準農田建設規劃(2021—2030年)的通知\n"
     "豫政辦〔2022〕87號\n各省轄市人民政府,省人民政府各部門:\n  《規劃》已經省政府同意,現印發給你們,請認真貫徹執行。\n"
     "河南省人民政府辦公廳\n  2022年9月7日\n",
     "河南省人民政府辦公廳關於印發河南省高標準農田建設規劃(2021—2030年)的通知", "豫政辦〔2022〕87號"),
    ("江苏沿海开发五年推进计划.docx\n\n上传人:b****5 文档编号:6863396\n\n"
     "《江苏沿海开发五年推进计划.docx》由会员分享,可在线阅读,更多相关请在冰豆网上搜索。\n\n江苏沿海开发五年推进计划\n\n"
     "苏发〔2011〕16号\n\n中共江苏省委 江苏省人民政府\n\n关于印发《沿海开发五年推进计划》的通知\n\n"
     "各市、县(市、区)委,省委各部委:\n\n现将《沿海开发五年推进计划》印发给你们,请结合实际认真贯彻落实。\n\n"
     "中共江苏省委\n\n江苏省人民政府\n\n2011年7月2日\n",
     "中共江苏省委江苏省人民政府关于印发《沿海开发五年推进计划》的通知", "苏发〔2011〕16号"),
])
def test_a_pages_headline_and_blurb_give_way_to_the_letters_own_numbered_head(text, title, number):
    meta = parse_structure(text).meta
    assert ("".join(meta.title.split()), meta.doc_number, meta.doc_type) == (title, number, "通知")


def test_a_reply_databases_fields_after_the_title_are_no_part_of_it():
    text = ("对市政协第十五届一次会议第0417号提案的办理答复 类别:A 签发领导:金汇江 公开属性:是 | |||||\n张荃委员: | |||||\n"
            "您提出的关于深入实施创新驱动发展战略的提案收悉,现答复如下:\n一、关于弘扬乡村文化\n我委将继续推进。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("对市政协第十五届一次会议第0417号提案的办理答复", "答复")


def test_a_date_with_a_chinese_year_and_arabic_month_and_day_is_read():
    text = ("某市人民政府办公室关于印发政府信息公开办法的通知\n各镇人民政府:\n现将办法印发给你们,请认真贯彻执行。\n"
            "某市人民政府办公室\n二O一一年5月16日\n")
    assert parse_structure(text).meta.date == "2011-05-16"


def test_a_reply_closing_with_heartfelt_thanks_is_signed_by_its_last_line():
    text = ("关于县政协十届一次会议第69号提案的答复\n李明委员:\n您提出的提案收悉。现答复如下。\n一、关于农村饮水\n将督促水厂整改。\n"
            "衷心感谢您对水利工作的支持与理解!\n桃江县水利局\n")
    assert parse_structure(text).meta.issuer == "桃江县水利局"


def test_a_decrees_number_with_its_year_in_brackets_is_read_from_the_rules_note():
    text = ("河北省地名管理规定\n(2025年9月18日河北省人民政府令〔2025〕第4号公布 自2025年11月1日起施行)\n"
            "第一条 为了加强和规范地名管理,制定本规定。\n第二条 本规定适用于本省行政区域。\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.issuer, meta.date) == ("河北省人民政府令〔2025〕第4号", "河北省人民政府", "2025-09-18")


def test_a_doc_number_after_the_issuers_mark_on_its_line_is_read():
    text = ("中共元江 哈 尼 族彝族傣族自治县委办公室文件 元办发〔2020〕4号\n中共元江县委办公室\n元江县人民政府办公室\n"
            "印发《关于开展民族团结进步创建工作的实施方案》的通知\n各乡镇:\n现将方案印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.doc_number == "元办发〔2020〕4号"


def test_a_sites_bare_metadata_values_are_no_title():
    text = ("12330282688011591A/2025-193062\n市政府办公室\n主动公开\n规范性文件\n县级政策\nBCXD01-2025-0003\n其他\n"
            "2025-09-17\n面向社会\n慈政办发〔2025〕20号\n有效\n各镇人民政府、各街道办事处:\n"
            "《2025年慈溪市推进产业高质量发展的政策意见》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
            "慈溪市人民政府办公室\n2025年9月16日\n2025年慈溪市推进产业高质量发展的政策意见\n为深入贯彻战略部署,制定本意见。\n")
    assert parse_structure(text).meta.title == "2025年慈溪市推进产业高质量发展的政策意见"


def test_a_signature_date_the_excerpt_cuts_in_its_day_gives_way_to_the_sites_date():
    text = ("对普陀区政协十五届五次会议第155086号提案的会办意见\n公开属性:\n主动公开\n成文日期:\n2025年04月15日\n"
            "发文字号:\n普卫健复〔2025〕8号\n区教育局:\n奚岚委员提出的提案收悉。经研究,现将会办意见函告如下:\n"
            "一、协助扩大知晓度\n区卫健委将配合做好推广。\n上海市普陀区卫生健康委\n2025年4月1")
    meta = parse_structure(text).meta
    assert (meta.date, meta.recipients) == ("2025-04-15", ["区教育局"])


def test_joint_issuers_wrapped_over_two_lines_before_the_title_open_it():
    text = ("舟港口〔2020〕51号\n舟山市港航和口岸管理局 舟山市发展和改革委员会 舟山市交通运输局\n"
            "舟山市生态环境局 舟山海事局关于印发船舶和港口污染突出问题整治实施方案的函\n各县(区)政府:\n经市政府同意,现将方案印发给你们。\n")
    assert "".join(parse_structure(text).meta.title.split()) == (
        "舟山市港航和口岸管理局舟山市发展和改革委员会舟山市交通运输局舟山市生态环境局舟山海事局关于印发船舶和港口污染突出问题整治实施方案的函")


def test_a_heading_unit_above_the_title_is_no_joint_issuer():
    text = ("泽州县政府办公室\n泽州县人民政府关于县七届人大一次会议代表建议办理落实情况的报告\n县人大常委会:\n现将办理情况报告如下。\n")
    assert parse_structure(text).meta.title == "泽州县人民政府关于县七届人大一次会议代表建议办理落实情况的报告"


def test_joint_signers_whose_date_the_excerpt_cut_are_the_issuer():
    text = ("关于开展返乡入乡创业园建设工作的通知\n各市农业农村局:\n现将有关事项通知如下。\n一、明确建设重点\n要及时总结工作经验。\n"
            "山東省農業農村廳 山東省科學技術廳 山東省財政廳\n山東省人力資源和社會保障廳")
    assert "".join(parse_structure(text).meta.issuer.split()) == "山東省農業農村廳山東省科學技術廳山東省財政廳山東省人力資源和社會保障廳"


def test_a_law_databases_header_run_on_from_the_title_gives_the_maker_and_ends_the_title():
    text = ("新疆维吾尔自治区对有突出贡献的中青年科技专家优秀专业技术工作者奖励实施办法制定机关: 新疆维吾尔自治区人民政府 "
            "效力级别: 地方政府规章 时 效 性: 现行有效 发布文号: 公布日期: 1988.04.02 施行日期: 1988.04.02 题 注 : "
            "(1988年4月2日自治区人民政府发布 新政发[1988]43号) 第一章 总则 第一条为表彰奖励在开发建设新疆中做出贡献的专业技术人员,"
            "自治区设立“有突出贡献的中青年科技专家奖”。 第二条本办法适用于从事自然科学、社会科学和管理工作的专业技术人员。 "
            "第三条对做出贡献的专业技术人员的奖励,每两年进行一次。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.date, meta.recipients) == (
        "新疆维吾尔自治区对有突出贡献的中青年科技专家优秀专业技术工作者奖励实施办法", "新疆维吾尔自治区人民政府", "1988-04-02", [])


def test_a_decree_run_into_one_line_with_its_rules_gives_title_number_maker_and_signed_date():
    text = ("论文部分内容阅读\n吉林省人民政府令第243号《吉林省封山禁牧管理办法》已经2013年12月2日省政府第11次常务会议讨论通过,"
            "现予公布,自2014年2月1日起施行。省长巴音朝鲁2013年12月6日第一条为了保护林草植被,巩固造林绿化和草原建设成果,"
            "结合本省实际,制定本办法。第二条在本省行政区域内实施封山禁牧,适用本办法。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number, meta.issuer, meta.date) == (
        "吉林省封山禁牧管理办法", "吉林省人民政府令第243号", "吉林省人民政府", "2013-12-06")


def test_a_breadcrumb_parted_by_spaces_alone_is_no_part_of_the_title_and_a_place_publishing_is_the_issuer():
    text = ("首页 相关政策 政策详情\n文化旅游、民航运输产业扶持政策\n发布机构 喀什地区 发布时间 2021-06-11\n"
            "政策类型 扶持政策 | 本地政策(喀什地区)\n\n一、乡村旅游发展奖励。鼓励支持创建国家、自治区乡村旅游品品牌。"
            "对首次评定为国家级、自治区乡村旅游品牌的单位,一次性分别给予 5 万元、3 万元奖励。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("文化旅游、民航运输产业扶持政策", "喀什地区")


def test_a_congress_standing_committees_announcement_heading_over_three_lines_is_the_title():
    text = ("黑龙江省第十三届人民代表大会\n常务委员会\n公告\n第57号\n《黑龙江省优化营商环境条例》已由黑龙江省第十三届人民代表大会"
            "常务委员会第三十九次会议于2022年12月22日修订通过,现予公布,自2023年3月1日起施行。\n黑龙江省人民代表大会常务委员会\n"
            "2022年12月26日\n黑龙江省优化营商环境条例\n第一章 总 则\n第一条 为了持续优化营商环境,制定本条例。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type, meta.date) == ("黑龙江省第十三届人民代表大会常务委员会公告", "公告", "2022-12-26")


def test_a_plans_adoption_note_after_a_dash_gives_its_date():
    text = ("日喀则市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n来源:市发改委\n浏览人数:0\n日期:2021-12-30 16:26\n\n"
            "日喀则市国民经济和社会发展第十四个五年规划和二〇三五年远景\n\n目标纲要\n\n——2021年12月11日日喀则市第二届人民代表大会\n\n"
            "第二次会议通过\n\n日喀则市第二届人民代表大会第二次会议审查了市人民政府提出的《纲要(草案)》,决定批准这个规划纲要。\n")
    assert parse_structure(text).meta.date == "2021-12-11"


def test_a_doc_number_whose_year_stands_in_angle_brackets():
    text = ("自治区人民政府关于\n\n命名园林城市(县城)的决定\n\n宁政发<2009>7号\n\n各市、县(区)人民政府,自治区政府各部门、各直属机构:\n"
            "为进一步推进城市园林绿化建设,自治区人民政府决定,命名银川市为自治区园林城市。\n")
    assert parse_structure(text).meta.doc_number == "宁政发<2009>7号"


def test_an_untitled_public_notice_names_itself_a_gongshi():
    text = ("按照省委省政府年度重点工作要求,对全省42个中国美丽休闲乡村进行了分级评选,评选出了青海省美丽休闲乡村金牌村12个、"
            "银牌村23个、铜牌村7个,现予以公示。\n公示期:2024年6月17日-2024年6月21日\n联系电话:0971-6136034\n")
    assert parse_structure(text).meta.doc_type == "公示"


def test_a_doc_number_line_with_the_signers_key_is_no_salutation():
    text = ("对阿拉山口市三届政协二次会议 第28号提案的答复\n\n来源:市人民政府办公室 发布时间:2022年07月20日 13:42 浏览次数:\n\n"
            "阿市文体广旅字202252           签发人:\n\n\n拉山口市三届政协二次会议\n\n28号提案的答复\n\n\n杜玲委员:\n\n"
            "您提出的关于传承口岸精神、口岸文化的提案收悉。经研究办理,现答复如下:\n")
    st = parse_structure(text)
    assert st.meta.recipients == ["杜玲委员"]
