namespace Cordon.Synthetic.Names;

/// <summary>Chinese names in pinyin (surnames with their Cantonese and Wade–Giles spellings) and simplified characters.</summary>
internal static class ChineseNames
{
    public static readonly NameCulture Culture = new(
        "chinese",
        NameStyle.Chinese,
        Weight: 10,
        Male: NameForm.ParseAll([
            "Wei|伟", "Jianguo|建国", "Jianjun|建军", "Zhiqiang|志强", "Yong|勇", "Jun|军", "Lei|磊", "Tao|涛", "Ming|明",
            "Chao|超", "Gang|刚", "Hao|浩", "Peng|鹏", "Jie|杰", "Bo|波", "Hai|海", "Dong|东", "Bin|斌", "Jian|健",
            "Xiaoming|小明", "Haitao|海涛", "Zhiwei|志伟", "Guoqiang|国强", "Wenjie|文杰", "Yuxuan|宇轩", "Haoran|浩然",
            "Zihao|子豪", "Junjie|俊杰", "Zhenhua|振华", "Xiaodong|晓东", "Dawei|大伟", "Jianhua|建华", "Guoliang|国良",
            "Weidong|卫东", "Hongwei|宏伟", "Zhigang|志刚", "Yang|洋", "Kai|凯", "Long|龙", "Feng|峰", "Xin|鑫", "Rui|瑞",
        ]),
        Female: NameForm.ParseAll([
            "Fang|芳", "Na|娜", "Min|敏", "Jing|静", "Li|丽", "Yan|艳", "Juan|娟", "Xia|霞", "Ling|玲", "Hong|红", "Ying|英",
            "Mei|梅", "Lan|兰", "Xiuying|秀英", "Guiying|桂英", "Xiaohong|晓红", "Lijuan|丽娟", "Jingjing|晶晶", "Tingting|婷婷",
            "Xue|雪", "Qian|倩", "Yue|悦", "Xinyi|欣怡", "Yuting|雨婷", "Meiling|美玲", "Shufen|淑芬", "Xiaoyan|晓燕", "Hui|慧",
            "Lina|丽娜", "Wenjing|文静", "Jiayi|佳怡", "Shuang|双", "Dan|丹", "Ping|萍", "Yun|云", "Lili|莉莉", "Huimin|慧敏", "Yumei|玉梅",
        ]),
        Family: NameForm.ParseAll([
            "Wang/Wong|王", "Li/Lee|李", "Zhang/Chang/Cheung|张", "Liu/Lau|刘", "Chen/Chan|陈", "Yang/Yeung|杨", "Huang/Wong|黄",
            "Zhao/Chao|赵", "Wu/Ng|吴", "Zhou/Chow|周", "Xu/Hsu/Tsui|徐", "Sun/Suen|孙", "Ma|马", "Zhu/Chu|朱", "Hu/Woo|胡",
            "Guo/Kwok|郭", "He/Ho|何", "Gao/Kao|高", "Lin/Lam|林", "Luo/Law|罗", "Zheng/Cheng|郑", "Liang/Leung|梁", "Xie/Tse|谢",
            "Song/Sung|宋", "Tang/Tong|唐", "Han/Hon|韩", "Feng/Fung|冯", "Deng/Teng|邓", "Cao/Tso|曹", "Peng/Pang|彭",
            "Zeng/Tsang|曾", "Xiao/Siu|肖", "Tian/Tien|田", "Dong/Tung|董", "Pan/Poon|潘", "Yuan/Yuen|袁", "Cai/Choi|蔡",
            "Jiang/Chiang|蒋", "Yu/Yue|余", "Du/Tu|杜", "Ye/Yip|叶", "Cheng/Ching|程", "Wei|魏", "Su/So|苏", "Lu/Lo|卢",
            "Ding/Ting|丁", "Ren/Yam|任", "Shen/Shum|沈", "Yao/Yiu|姚", "Fan|范", "Jin/Kam|金", "Qian/Chin|钱", "Fu|傅",
        ]),
        Countries: ["cn", "cn", "cn", "cn", "cn", "hk", "tw", "sg", "my"],
        OrganisationStems: ["Huaxin", "Zhongtai", "Jinlong", "Hengyuan", "Tianli", "Dongfang", "Xinghai", "Changjiang", "Hongda", "Shengshi", "Yuanhang", "Fuxing"]);
}
