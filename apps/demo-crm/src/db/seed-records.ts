/**
 * The master data a demo starts with: customers (one at 92% credit use),
 * contacts, leads, opportunities and products, in English or Chinese. Orders,
 * quotes, payments and complaints are made by running the flows (see
 * seed-history.ts), so each of them has its instance and audit trail.
 */
import type { CrmRecord } from './crm-db';

export type Locale = 'en' | 'zh';

/** A product of the price list offered when entering order lines. */
export interface Product {
  sku: string;
  name: { en: string; zh: string };
  price: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'LX-PCB-2040', name: { en: 'Controller board (PCBA)', zh: '控制板（PCBA）' }, price: 185 },
  { sku: 'LX-SEN-310', name: { en: 'Temperature sensor module', zh: '温度传感器模块' }, price: 42.5 },
  { sku: 'LX-MTR-750', name: { en: 'Brushless DC motor 750 W', zh: '750W 无刷直流电机' }, price: 1260 },
  { sku: 'LX-CAB-015', name: { en: 'Wiring harness 1.5 m', zh: '1.5米线束' }, price: 18.8 },
  { sku: 'LX-HSG-220', name: { en: 'Aluminium housing', zh: '铝合金外壳' }, price: 96 },
  { sku: 'LX-PSU-120', name: { en: 'Power supply 120 W', zh: '120W 开关电源' }, price: 138 },
  { sku: 'LX-DSP-070', name: { en: '7-inch touch display', zh: '7寸触摸屏' }, price: 410 },
  { sku: 'LX-VLV-032', name: { en: 'Solenoid valve DN32', zh: 'DN32 电磁阀' }, price: 326 },
];

/** The well-known customers the guided stories use. */
export const STORY_CUSTOMERS = {
  /** Uses 92% of its credit limit: a new order raises the credit alert. */
  nearLimit: 'C-0002',
  /** On prepaid terms. */
  prepaid: 'C-0004',
  /** Plenty of credit. */
  healthy: 'C-0001',
} as const;

interface CustomerSeed {
  en: string;
  zh: string;
  industry: string;
  level: string;
  status: string;
  paymentTerms?: string;
  creditLimit?: number;
  creditUsed?: number;
  salesRep: string;
  taxId: string;
  addr: { en: string; zh: string };
  phone: string;
}

const CUSTOMERS: CustomerSeed[] = [
  { en: 'Hangzhou Lianxin Electronics Co., Ltd.', zh: '杭州联信电子有限公司', industry: 'electronics', level: 'A', status: 'active', paymentTerms: 'net30', creditLimit: 800_000, creditUsed: 312_000, salesRep: 'li.wei', taxId: '91330106MA2H3K7L5X', addr: { en: '88 Wensan Road, Xihu District, Hangzhou', zh: '杭州市西湖区文三路88号' }, phone: '0571-8816 2301' },
  { en: 'Shenzhen Huaxin Trading Co., Ltd.', zh: '深圳华信贸易有限公司', industry: 'wholesale', level: 'B', status: 'active', paymentTerms: 'net30', creditLimit: 500_000, creditUsed: 460_000, salesRep: 'li.wei', taxId: '91440300MA5F2R8Q1C', addr: { en: '2017 Shennan Avenue, Futian District, Shenzhen', zh: '深圳市福田区深南大道2017号' }, phone: '0755-2369 4410' },
  { en: 'Suzhou Ruifeng Precision Machinery Co., Ltd.', zh: '苏州瑞丰精密机械有限公司', industry: 'manufacturing', level: 'A', status: 'active', paymentTerms: 'net60', creditLimit: 1_200_000, creditUsed: 540_000, salesRep: 'zhou.jing', taxId: '91320594MA1N6T3W2D', addr: { en: '15 Xinghu Street, Suzhou Industrial Park', zh: '苏州工业园区星湖街15号' }, phone: '0512-6283 7755' },
  { en: 'Chengdu Tianfu Building Materials Co., Ltd.', zh: '成都天府建材有限公司', industry: 'construction', level: 'B', status: 'active', paymentTerms: 'prepaid', creditLimit: 0, creditUsed: 0, salesRep: 'li.wei', taxId: '91510100MA6C9J4P7E', addr: { en: '366 Tianfu Avenue, Hi-tech Zone, Chengdu', zh: '成都市高新区天府大道366号' }, phone: '028-8531 0926' },
  { en: 'Ningbo Haitong Home Goods Co., Ltd.', zh: '宁波海通家居用品有限公司', industry: 'retail', level: 'C', status: 'active', paymentTerms: 'net30', creditLimit: 150_000, creditUsed: 96_000, salesRep: 'zhou.jing', taxId: '91330201MA2J8X5N3F', addr: { en: '57 Zhongshan East Road, Haishu District, Ningbo', zh: '宁波市海曙区中山东路57号' }, phone: '0574-8730 6612' },
  { en: 'Wuhan Changjiang Auto Parts Co., Ltd.', zh: '武汉长江汽车配件有限公司', industry: 'manufacturing', level: 'B', status: 'active', paymentTerms: 'net30', creditLimit: 300_000, creditUsed: 210_000, salesRep: 'li.wei', taxId: '91420100MA4K2D6T8G', addr: { en: '9 Zhuankou Road, Hanyang District, Wuhan', zh: '武汉市汉阳区沌口路9号' }, phone: '027-8446 3390' },
  { en: 'Xiamen Blue Ocean Foods Co., Ltd.', zh: '厦门蓝海食品有限公司', industry: 'wholesale', level: 'B', status: 'prospect', salesRep: 'li.wei', taxId: '91350200MA3P7L1W9H', addr: { en: '126 Hubin South Road, Siming District, Xiamen', zh: '厦门市思明区湖滨南路126号' }, phone: '0592-5107 8821' },
  { en: 'Qingdao Hengda Logistics Equipment Co., Ltd.', zh: '青岛恒达物流设备有限公司', industry: 'manufacturing', level: 'C', status: 'prospect', salesRep: 'zhou.jing', taxId: '91370200MA3R5B2K6J', addr: { en: '41 Haier Road, Laoshan District, Qingdao', zh: '青岛市崂山区海尔路41号' }, phone: '0532-8890 1457' },
  { en: 'Nanjing Jinling Medical Devices Co., Ltd.', zh: '南京金陵医疗器械有限公司', industry: 'other', level: 'A', status: 'active', paymentTerms: 'net60', creditLimit: 2_000_000, creditUsed: 880_000, salesRep: 'zhou.jing', taxId: '91320100MA1X4G8M2K', addr: { en: '3 Jiangdong Middle Road, Jianye District, Nanjing', zh: '南京市建邺区江东中路3号' }, phone: '025-8669 2204' },
  { en: 'Dongguan Meilian Plastics Co., Ltd.', zh: '东莞美联塑胶制品有限公司', industry: 'manufacturing', level: 'C', status: 'blocked', paymentTerms: 'prepaid', creditLimit: 0, creditUsed: 0, salesRep: 'li.wei', taxId: '91441900MA4W1Q7T5L', addr: { en: '18 Changan Industrial Road, Dongguan', zh: '东莞市长安镇工业路18号' }, phone: '0769-8532 0078' },
];

interface ContactSeed {
  customer: number;
  en: string;
  zh: string;
  title: { en: string; zh: string };
  phone: string;
  email: string;
  primary: boolean;
}

const CONTACTS: ContactSeed[] = [
  { customer: 1, en: 'Zhou Jian', zh: '周建', title: { en: 'Purchasing manager', zh: '采购经理' }, phone: '138 5712 3306', email: 'zhou.jian@lianxin-elec.cn', primary: true },
  { customer: 1, en: 'Fang Lei', zh: '方磊', title: { en: 'Chief engineer', zh: '总工程师' }, phone: '139 0571 8842', email: 'fang.lei@lianxin-elec.cn', primary: false },
  { customer: 2, en: 'Lin Xiaoyu', zh: '林晓雨', title: { en: 'General manager', zh: '总经理' }, phone: '136 0265 7731', email: 'lin.xy@huaxin-trade.com', primary: true },
  { customer: 2, en: 'He Tao', zh: '何涛', title: { en: 'Accounts payable', zh: '应付会计' }, phone: '137 2849 1650', email: 'ap@huaxin-trade.com', primary: false },
  { customer: 3, en: 'Gu Minghui', zh: '顾明辉', title: { en: 'Supply chain director', zh: '供应链总监' }, phone: '135 1276 4429', email: 'gu.mh@ruifeng-pm.com', primary: true },
  { customer: 4, en: 'Deng Jie', zh: '邓洁', title: { en: 'Procurement', zh: '采购专员' }, phone: '186 2810 5573', email: 'dengjie@tianfu-jc.cn', primary: true },
  { customer: 5, en: 'Xu Hong', zh: '徐红', title: { en: 'Owner', zh: '老板' }, phone: '158 5748 2290', email: 'xuhong@haitong-home.cn', primary: true },
  { customer: 6, en: 'Yang Fan', zh: '杨帆', title: { en: 'Purchasing manager', zh: '采购经理' }, phone: '139 8612 4075', email: 'yangfan@cj-autoparts.com', primary: true },
  { customer: 7, en: 'Chen Yiting', zh: '陈怡婷', title: { en: 'Operations director', zh: '运营总监' }, phone: '133 5920 6618', email: 'chen.yt@blueocean-foods.cn', primary: true },
  { customer: 8, en: 'Sun Qiang', zh: '孙强', title: { en: 'Technical manager', zh: '技术经理' }, phone: '152 6532 0981', email: 'sunq@hengda-le.com', primary: true },
  { customer: 9, en: 'Wu Lina', zh: '吴丽娜', title: { en: 'Procurement manager', zh: '采购部经理' }, phone: '139 1588 7023', email: 'wu.lina@jinling-med.com', primary: true },
  { customer: 10, en: 'Mo Guoqiang', zh: '莫国强', title: { en: 'Plant manager', zh: '厂长' }, phone: '137 6980 3312', email: 'moguoqiang@meilian-plastic.cn', primary: true },
];

interface LeadSeed {
  en: string;
  zh: string;
  contact: { en: string; zh: string };
  source: string;
  phone: string;
  email: string;
  score: number;
  status: string;
  owner: string;
}

const LEADS: LeadSeed[] = [
  { en: 'Foshan Weiye Kitchen Appliances', zh: '佛山伟业厨具电器', contact: { en: 'Liang Zhiwei', zh: '梁志伟' }, source: 'trade-show', phone: '0757-8621 3390', email: 'liangzw@weiye-kitchen.cn', score: 78, status: 'new', owner: 'li.wei' },
  { en: 'Hefei Xinyuan New Energy', zh: '合肥新源新能源科技', contact: { en: 'Tang Li', zh: '唐丽' }, source: 'web', phone: '0551-6390 2714', email: 'tangli@xinyuan-ne.com', score: 64, status: 'working', owner: 'li.wei' },
  { en: 'Tianjin Binhai Packaging', zh: '天津滨海包装材料', contact: { en: 'Cao Yong', zh: '曹勇' }, source: 'campaign', phone: '022-2538 7706', email: 'caoyong@bh-pack.cn', score: 41, status: 'new', owner: 'zhou.jing' },
  { en: 'Changsha Hongxing Robotics', zh: '长沙红星机器人', contact: { en: 'Peng Yuxuan', zh: '彭雨轩' }, source: 'referral', phone: '0731-8845 1123', email: 'peng.yx@hx-robotics.com', score: 86, status: 'qualified', owner: 'li.wei' },
  { en: 'Kunming Yunling Tea Trading', zh: '昆明云岭茶业贸易', contact: { en: 'Duan Mei', zh: '段梅' }, source: 'web', phone: '0871-6512 4830', email: 'duanmei@yunling-tea.cn', score: 22, status: 'disqualified', owner: 'zhou.jing' },
  { en: 'Zhengzhou Zhongyuan Cold Chain', zh: '郑州中原冷链物流', contact: { en: 'Ma Jun', zh: '马军' }, source: 'trade-show', phone: '0371-6778 5092', email: 'majun@zy-coldchain.com', score: 70, status: 'working', owner: 'li.wei' },
];

interface OpportunitySeed {
  customer: number;
  name: { en: string; zh: string };
  stage: string;
  amount: number;
  probability: number;
  closeInDays: number;
  owner: string;
}

const OPPORTUNITIES: OpportunitySeed[] = [
  { customer: 1, name: { en: 'Smart meter controller boards 2027', zh: '2027年智能电表控制板' }, stage: 'proposal', amount: 420_000, probability: 60, closeInDays: 24, owner: 'li.wei' },
  { customer: 3, name: { en: 'Motor retrofit for CNC line 3', zh: '3号数控线电机改造' }, stage: 'negotiation', amount: 680_000, probability: 75, closeInDays: 12, owner: 'zhou.jing' },
  { customer: 6, name: { en: 'Sensor modules for brake test benches', zh: '制动试验台传感器模块' }, stage: 'needs-analysis', amount: 95_000, probability: 40, closeInDays: 45, owner: 'li.wei' },
  { customer: 9, name: { en: 'Display units for patient monitors', zh: '监护仪显示单元' }, stage: 'qualification', amount: 1_150_000, probability: 20, closeInDays: 90, owner: 'zhou.jing' },
  { customer: 2, name: { en: 'Distribution of power supplies, South China', zh: '华南区开关电源分销' }, stage: 'proposal', amount: 260_000, probability: 50, closeInDays: 30, owner: 'li.wei' },
];

const pad = (n: number) => String(n).padStart(4, '0');
/** The seeded customer id of a 1-based index: `C-0002`. */
export const seededCustomerId = (i: number) => `C-${pad(i)}`;

/** YYYY-MM-DD of a time. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Master data in the given language, stamped at `now`. */
export function seedRecords(locale: Locale, now: number): Record<string, CrmRecord[]> {
  const L = (t: { en: string; zh: string }) => t[locale];
  const stamp = { createdAt: now - 90 * 86_400_000, updatedAt: now - 86_400_000 };
  const customer = CUSTOMERS.map((c, i) => ({
    id: seededCustomerId(i + 1),
    name: L(c),
    industry: c.industry,
    level: c.level,
    status: c.status,
    ...(c.paymentTerms ? { paymentTerms: c.paymentTerms } : {}),
    ...(c.creditLimit !== undefined ? { creditLimit: c.creditLimit, creditUsed: c.creditUsed ?? 0 } : {}),
    salesRep: c.salesRep,
    taxId: c.taxId,
    address: L(c.addr),
    phone: c.phone,
    ...stamp,
  }));
  const contact = CONTACTS.map((c, i) => ({
    id: `CT-${pad(i + 1)}`,
    customer: seededCustomerId(c.customer),
    name: L(c),
    title: L(c.title),
    phone: c.phone,
    email: c.email,
    primary: c.primary,
    ...stamp,
  }));
  const lead = LEADS.map((l, i) => ({
    id: `L-${pad(i + 1)}`,
    company: L(l),
    contactName: L(l.contact),
    source: l.source,
    phone: l.phone,
    email: l.email,
    score: l.score,
    status: l.status,
    owner: l.owner,
    ...stamp,
  }));
  const opportunity = OPPORTUNITIES.map((o, i) => ({
    id: `OP-${pad(i + 1)}`,
    customer: seededCustomerId(o.customer),
    name: L(o.name),
    stage: o.stage,
    amount: o.amount,
    probability: o.probability,
    expectedClose: isoDate(now + o.closeInDays * 86_400_000),
    owner: o.owner,
    ...stamp,
  }));
  return { customer, contact, lead, opportunity };
}

/**
 * The credit used the customers show once the seeded history has run (the
 * played orders book credit too; these are the balances after payments).
 */
export function seededCreditUsed(): Record<string, number> {
  const out: Record<string, number> = {};
  CUSTOMERS.forEach((c, i) => {
    if (c.creditUsed !== undefined) out[seededCustomerId(i + 1)] = c.creditUsed;
  });
  return out;
}
