/* eslint-disable */
// @ts-nocheck
// Rules of complaint-handling@1, credit-limit-review@1, lead-to-order@1, new-customer-approval@1, new-order@1, prepaid-order@1, quotation@1, rework-order@1, sample-order@1, compiled ahead of time by crm-flow compile-rules.
// Generated code: rebuild it with `crm-flow compile-rules` when the flows change rather than edit it.
// Rules not in it (flows changed since) run as usual, so a stale module is slower, never wrong.
export default {
  format: 1,
  rules: {
    "{\"==\":[{\"var\":\"complaint.remedy\"},\"rework\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          if (o === null || o === undefined || ("remedy" in Array.prototype || "remedy" in String.prototype || "remedy" in Number.prototype || "remedy" in Boolean.prototype) && !own.call(o, "remedy")) o = undefined;
          else o = o["remedy"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "rework";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"complaint.remedy\"},\"refund\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          if (o === null || o === undefined || ("remedy" in Array.prototype || "remedy" in String.prototype || "remedy" in Number.prototype || "remedy" in Boolean.prototype) && !own.call(o, "remedy")) o = undefined;
          else o = o["remedy"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "refund";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\">=\":[{\"var\":\"complaint.satisfaction\"},3]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          if (o === null || o === undefined || ("satisfaction" in Array.prototype || "satisfaction" in String.prototype || "satisfaction" in Number.prototype || "satisfaction" in Boolean.prototype) && !own.call(o, "satisfaction")) o = undefined;
          else o = o["satisfaction"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 >= (3);
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"if\":[{\"==\":[{\"var\":\"complaint.severity\"},\"critical\"]},4,{\"==\":[{\"var\":\"complaint.severity\"},\"high\"]},24,72]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, p0, p1;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("severity" in Array.prototype || "severity" in String.prototype || "severity" in Number.prototype || "severity" in Boolean.prototype) && !own.call(o, "severity")) o = undefined;
          else o = o["severity"];
          p1 = o;
          o = p1;
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v1 == "critical";
          if (v2) {
            v0 = (4);
          } else {
          o = p1;
          v3 = o === undefined ? null : o;
          if (typeof v3 === 'object' ? v3 !== null : typeof v3 === 'string' && v3.length > 64) charge(c, v3);
          v4 = v3 == "high";
          if (v4) {
            v0 = (24);
          } else {
          v0 = (72);
          }
          }
          return v0;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"customer\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"complaint\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"order\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"order.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"==\":[{\"var\":\"request.financeOpinion\"},\"oppose\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("request" in Array.prototype || "request" in String.prototype || "request" in Number.prototype || "request" in Boolean.prototype) && !own.call(o, "request")) o = undefined;
          else o = o["request"];
          if (o === null || o === undefined || ("financeOpinion" in Array.prototype || "financeOpinion" in String.prototype || "financeOpinion" in Number.prototype || "financeOpinion" in Boolean.prototype) && !own.call(o, "financeOpinion")) o = undefined;
          else o = o["financeOpinion"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "oppose";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"or\":[{\">\":[{\"var\":\"request.newLimit\"},500000]},{\">\":[{\"var\":\"request.newLimit\"},{\"*\":[1.5,{\"var\":[\"customer.creditLimit\",0]}]}]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, v6, p0, p1;
          o = d;
          if (o === null || o === undefined || ("request" in Array.prototype || "request" in String.prototype || "request" in Number.prototype || "request" in Boolean.prototype) && !own.call(o, "request")) o = undefined;
          else o = o["request"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("newLimit" in Array.prototype || "newLimit" in String.prototype || "newLimit" in Number.prototype || "newLimit" in Boolean.prototype) && !own.call(o, "newLimit")) o = undefined;
          else o = o["newLimit"];
          p1 = o;
          o = p1;
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v1 > (500000);
          v0 = v2;
          if (!v2) {
          o = p1;
          v3 = o === undefined ? null : o;
          if (typeof v3 === 'object' ? v3 !== null : typeof v3 === 'string' && v3.length > 64) charge(c, v3);
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v4 = o === undefined ? (0) : o;
          if (typeof v4 === 'object' ? v4 !== null : typeof v4 === 'string' && v4.length > 64) charge(c, v4);
          v5 = num((1.5)) * num(v4);
          if (typeof v5 === 'object' ? v5 !== null : typeof v5 === 'string' && v5.length > 64) charge(c, v5);
          v6 = v3 > v5;
          v0 = v6;
          }
          return v0;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"request.managerDecision\"},\"approved\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("request" in Array.prototype || "request" in String.prototype || "request" in Number.prototype || "request" in Boolean.prototype) && !own.call(o, "request")) o = undefined;
          else o = o["request"];
          if (o === null || o === undefined || ("managerDecision" in Array.prototype || "managerDecision" in String.prototype || "managerDecision" in Number.prototype || "managerDecision" in Boolean.prototype) && !own.call(o, "managerDecision")) o = undefined;
          else o = o["managerDecision"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "approved";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\">=\":[{\"var\":\"customer.creditUsed\"},{\"*\":[0.9,{\"var\":\"customer.creditLimit\"}]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, p0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("creditUsed" in Array.prototype || "creditUsed" in String.prototype || "creditUsed" in Number.prototype || "creditUsed" in Boolean.prototype) && !own.call(o, "creditUsed")) o = undefined;
          else o = o["creditUsed"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = p0;
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = num((0.9)) * num(v1);
          if (typeof v2 === 'object' ? v2 !== null : typeof v2 === 'string' && v2.length > 64) charge(c, v2);
          v3 = v0 >= v2;
          return v3;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"customer.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":[\"customer.creditLimit\",0]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v0 = o === undefined ? (0) : o;
          return v0;
        }
      };
    },
    "{\"+\":[{\"var\":[\"customer.creditLimit\",0]},{\"var\":[\"orderAmount\",0]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = d;
          if (o === null || o === undefined || ("orderAmount" in Array.prototype || "orderAmount" in String.prototype || "orderAmount" in Number.prototype || "orderAmount" in Boolean.prototype) && !own.call(o, "orderAmount")) o = undefined;
          else o = o["orderAmount"];
          v1 = o === undefined ? (0) : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = num(v0) + num(v1);
          return v2;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"request.newLimit\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("request" in Array.prototype || "request" in String.prototype || "request" in Number.prototype || "request" in Boolean.prototype) && !own.call(o, "request")) o = undefined;
          else o = o["request"];
          if (o === null || o === undefined || ("newLimit" in Array.prototype || "newLimit" in String.prototype || "newLimit" in Number.prototype || "newLimit" in Boolean.prototype) && !own.call(o, "newLimit")) o = undefined;
          else o = o["newLimit"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"==\":[{\"var\":\"lead.status\"},\"qualified\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "qualified";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"!\":{\"var\":\"lead.existingCustomer\"}}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("existingCustomer" in Array.prototype || "existingCustomer" in String.prototype || "existingCustomer" in Number.prototype || "existingCustomer" in Boolean.prototype) && !own.call(o, "existingCustomer")) o = undefined;
          else o = o["existingCustomer"];
          v0 = o === undefined ? null : o;
          return !yes(v0);
        }
      };
    },
    "{\"==\":[{\"var\":\"customer.status\"},\"active\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "active";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"quote.status\"},\"accepted\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "accepted";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"order.status\"},\"shipped\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "shipped";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"lead.company\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("company" in Array.prototype || "company" in String.prototype || "company" in Number.prototype || "company" in Boolean.prototype) && !own.call(o, "company")) o = undefined;
          else o = o["company"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"lead.phone\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("phone" in Array.prototype || "phone" in String.prototype || "phone" in Number.prototype || "phone" in Boolean.prototype) && !own.call(o, "phone")) o = undefined;
          else o = o["phone"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"lead.owner\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("owner" in Array.prototype || "owner" in String.prototype || "owner" in Number.prototype || "owner" in Boolean.prototype) && !own.call(o, "owner")) o = undefined;
          else o = o["owner"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"lead.contactName\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("contactName" in Array.prototype || "contactName" in String.prototype || "contactName" in Number.prototype || "contactName" in Boolean.prototype) && !own.call(o, "contactName")) o = undefined;
          else o = o["contactName"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"lead.email\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          if (o === null || o === undefined || ("email" in Array.prototype || "email" in String.prototype || "email" in Number.prototype || "email" in Boolean.prototype) && !own.call(o, "email")) o = undefined;
          else o = o["email"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"cat\":[{\"var\":\"lead.company\"},\" – \",{\"var\":\"lead.source\"}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, p0;
          o = d;
          if (o === null || o === undefined || ("lead" in Array.prototype || "lead" in String.prototype || "lead" in Number.prototype || "lead" in Boolean.prototype) && !own.call(o, "lead")) o = undefined;
          else o = o["lead"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("company" in Array.prototype || "company" in String.prototype || "company" in Number.prototype || "company" in Boolean.prototype) && !own.call(o, "company")) o = undefined;
          else o = o["company"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' && v0 !== null) charge(c, v0);
          o = p0;
          if (o === null || o === undefined || ("source" in Array.prototype || "source" in String.prototype || "source" in Number.prototype || "source" in Boolean.prototype) && !own.call(o, "source")) o = undefined;
          else o = o["source"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' && v1 !== null) charge(c, v1);
          v2 = h.cat(c, v0, " – ", v1);
          return v2;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"opportunity\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("opportunity" in Array.prototype || "opportunity" in String.prototype || "opportunity" in Number.prototype || "opportunity" in Boolean.prototype) && !own.call(o, "opportunity")) o = undefined;
          else o = o["opportunity"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"quote\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"customer.creditUsed\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditUsed" in Array.prototype || "creditUsed" in String.prototype || "creditUsed" in Number.prototype || "creditUsed" in Boolean.prototype) && !own.call(o, "creditUsed")) o = undefined;
          else o = o["creditUsed"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"==\":[{\"var\":\"estimate.decision\"},\"approved\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("estimate" in Array.prototype || "estimate" in String.prototype || "estimate" in Number.prototype || "estimate" in Boolean.prototype) && !own.call(o, "estimate")) o = undefined;
          else o = o["estimate"];
          if (o === null || o === undefined || ("decision" in Array.prototype || "decision" in String.prototype || "decision" in Number.prototype || "decision" in Boolean.prototype) && !own.call(o, "decision")) o = undefined;
          else o = o["decision"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "approved";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"<=\":[{\"-\":[{\"+\":[{\"var\":[\"customer.creditUsed\",0]},{\"var\":\"order.amount\"}]},{\"var\":[\"order.paidAmount\",0]}]},{\"var\":[\"customer.creditLimit\",0]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, v6, p0, p1;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          p0 = o;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          p1 = o;
          o = p0;
          if (o === null || o === undefined || ("creditUsed" in Array.prototype || "creditUsed" in String.prototype || "creditUsed" in Number.prototype || "creditUsed" in Boolean.prototype) && !own.call(o, "creditUsed")) o = undefined;
          else o = o["creditUsed"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = p1;
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = num(v0) + num(v1);
          if (typeof v2 === 'object' ? v2 !== null : typeof v2 === 'string' && v2.length > 64) charge(c, v2);
          o = p1;
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v3 = o === undefined ? (0) : o;
          if (typeof v3 === 'object' ? v3 !== null : typeof v3 === 'string' && v3.length > 64) charge(c, v3);
          v4 = v3 === undefined ? -(v2) : v2 - v3;
          if (typeof v4 === 'object' ? v4 !== null : typeof v4 === 'string' && v4.length > 64) charge(c, v4);
          o = p0;
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v5 = o === undefined ? (0) : o;
          if (typeof v5 === 'object' ? v5 !== null : typeof v5 === 'string' && v5.length > 64) charge(c, v5);
          v6 = v4 <= v5;
          return v6;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"order.creditHoldAction\"},\"prepay\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("creditHoldAction" in Array.prototype || "creditHoldAction" in String.prototype || "creditHoldAction" in Number.prototype || "creditHoldAction" in Boolean.prototype) && !own.call(o, "creditHoldAction")) o = undefined;
          else o = o["creditHoldAction"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "prepay";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"order.creditHoldAction\"},\"raise-limit\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("creditHoldAction" in Array.prototype || "creditHoldAction" in String.prototype || "creditHoldAction" in Number.prototype || "creditHoldAction" in Boolean.prototype) && !own.call(o, "creditHoldAction")) o = undefined;
          else o = o["creditHoldAction"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "raise-limit";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"quote.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"if\":[{\"var\":\"quote.lines\"},{\"var\":\"quote.lines\"},{\"var\":\"order.lines\"}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0, v1, v2, v3, p0, p1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          p1 = o;
          o = p1;
          v1 = o === undefined ? null : o;
          if (yes(v1)) {
            o = p1;
            v2 = o === undefined ? null : o;
            v0 = v2;
          } else {
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          v3 = o === undefined ? null : o;
          v0 = v3;
          }
          return v0;
        }
      };
    },
    "{\"*\":[{\"reduce\":[{\"var\":\"order.lines\"},{\"+\":[{\"var\":\"accumulator\"},{\"*\":[{\"var\":\"current.qty\"},{\"var\":\"current.price\"}]}]},0]},{\"-\":[1,{\"/\":[{\"var\":[\"quote.discountPercent\",0]},100]}]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          v0 = o === undefined ? null : o;
          if (!Array.isArray(v0)) v1 = (0);
          else {
          c.steps += 15 * v0.length;
          if (c.steps > c.maxSteps) h.over(c);
          v2 = (0);
          for (v4 = 0; v4 < v0.length; v4++) {
          v3 = v0[v4];
          o = v2;
          v5 = o === undefined ? null : o;
          if (typeof v5 === 'object' ? v5 !== null : typeof v5 === 'string' && v5.length > 64) charge(c, v5);
          o = v3;
          if (o === null || o === undefined || ("qty" in Array.prototype || "qty" in String.prototype || "qty" in Number.prototype || "qty" in Boolean.prototype) && !own.call(o, "qty")) o = undefined;
          else o = o["qty"];
          v6 = o === undefined ? null : o;
          if (typeof v6 === 'object' ? v6 !== null : typeof v6 === 'string' && v6.length > 64) charge(c, v6);
          o = v3;
          if (o === null || o === undefined || ("price" in Array.prototype || "price" in String.prototype || "price" in Number.prototype || "price" in Boolean.prototype) && !own.call(o, "price")) o = undefined;
          else o = o["price"];
          v7 = o === undefined ? null : o;
          if (typeof v7 === 'object' ? v7 !== null : typeof v7 === 'string' && v7.length > 64) charge(c, v7);
          v8 = num(v6) * num(v7);
          if (typeof v8 === 'object' ? v8 !== null : typeof v8 === 'string' && v8.length > 64) charge(c, v8);
          v9 = num(v5) + num(v8);
          v2 = v9;
          }
          v1 = v2;
          }
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("discountPercent" in Array.prototype || "discountPercent" in String.prototype || "discountPercent" in Number.prototype || "discountPercent" in Boolean.prototype) && !own.call(o, "discountPercent")) o = undefined;
          else o = o["discountPercent"];
          v10 = o === undefined ? (0) : o;
          if (typeof v10 === 'object' ? v10 !== null : typeof v10 === 'string' && v10.length > 64) charge(c, v10);
          v11 = v10 / (100);
          if (typeof v11 === 'object' ? v11 !== null : typeof v11 === 'string' && v11.length > 64) charge(c, v11);
          v12 = v11 === undefined ? -((1)) : (1) - v11;
          if (typeof v12 === 'object' ? v12 !== null : typeof v12 === 'string' && v12.length > 64) charge(c, v12);
          v13 = num(v1) * num(v12);
          return v13;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":[\"order.paidAmount\",0]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v0 = o === undefined ? (0) : o;
          return v0;
        }
      };
    },
    "{\"if\":[{\"!=\":[{\"var\":\"payment.amount\"},null]},null,{\"var\":\"payment\"}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, p0;
          o = d;
          if (o === null || o === undefined || ("payment" in Array.prototype || "payment" in String.prototype || "payment" in Number.prototype || "payment" in Boolean.prototype) && !own.call(o, "payment")) o = undefined;
          else o = o["payment"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v1 != null;
          if (v2) {
            v0 = null;
          } else {
          o = p0;
          v3 = o === undefined ? null : o;
          v0 = v3;
          }
          return v0;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"+\":[{\"var\":[\"order.paidAmount\",0]},{\"var\":[\"payment.amount\",0]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = d;
          if (o === null || o === undefined || ("payment" in Array.prototype || "payment" in String.prototype || "payment" in Number.prototype || "payment" in Boolean.prototype) && !own.call(o, "payment")) o = undefined;
          else o = o["payment"];
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? (0) : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = num(v0) + num(v1);
          return v2;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"order.amount\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"customer.creditLimit\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditLimit" in Array.prototype || "creditLimit" in String.prototype || "creditLimit" in Number.prototype || "creditLimit" in Boolean.prototype) && !own.call(o, "creditLimit")) o = undefined;
          else o = o["creditLimit"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"+\":[{\"var\":[\"customer.creditUsed\",0]},{\"max\":[0,{\"-\":[{\"var\":\"order.amount\"},{\"var\":[\"order.paidAmount\",0]}]}]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, p0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          p0 = o;
          o = d;
          if (o === null || o === undefined || ("customer" in Array.prototype || "customer" in String.prototype || "customer" in Number.prototype || "customer" in Boolean.prototype) && !own.call(o, "customer")) o = undefined;
          else o = o["customer"];
          if (o === null || o === undefined || ("creditUsed" in Array.prototype || "creditUsed" in String.prototype || "creditUsed" in Number.prototype || "creditUsed" in Boolean.prototype) && !own.call(o, "creditUsed")) o = undefined;
          else o = o["creditUsed"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = p0;
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          o = p0;
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v2 = o === undefined ? (0) : o;
          if (typeof v2 === 'object' ? v2 !== null : typeof v2 === 'string' && v2.length > 64) charge(c, v2);
          v3 = v2 === undefined ? -(v1) : v1 - v2;
          if (typeof v3 === 'object' ? v3 !== null : typeof v3 === 'string' && v3.length > 64) charge(c, v3);
          v4 = Math.max((0), v3);
          if (typeof v4 === 'object' ? v4 !== null : typeof v4 === 'string' && v4.length > 64) charge(c, v4);
          v5 = num(v0) + num(v4);
          return v5;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\">=\":[{\"var\":[\"order.paidAmount\",0]},{\"var\":\"order.amount\"}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, p0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = p0;
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v0 >= v1;
          return v2;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"<\":[{\"var\":[\"order.paidAmount\",0]},{\"var\":\"order.amount\"}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, p0;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("paidAmount" in Array.prototype || "paidAmount" in String.prototype || "paidAmount" in Number.prototype || "paidAmount" in Boolean.prototype) && !own.call(o, "paidAmount")) o = undefined;
          else o = o["paidAmount"];
          v0 = o === undefined ? (0) : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          o = p0;
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v0 < v1;
          return v2;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"reduce\":[{\"var\":\"order.lines\"},{\"+\":[{\"var\":\"accumulator\"},{\"*\":[{\"var\":\"current.qty\"},{\"var\":\"current.price\"}]}]},0]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          v0 = o === undefined ? null : o;
          if (!Array.isArray(v0)) v1 = (0);
          else {
          c.steps += 15 * v0.length;
          if (c.steps > c.maxSteps) h.over(c);
          v2 = (0);
          for (v4 = 0; v4 < v0.length; v4++) {
          v3 = v0[v4];
          o = v2;
          v5 = o === undefined ? null : o;
          if (typeof v5 === 'object' ? v5 !== null : typeof v5 === 'string' && v5.length > 64) charge(c, v5);
          o = v3;
          if (o === null || o === undefined || ("qty" in Array.prototype || "qty" in String.prototype || "qty" in Number.prototype || "qty" in Boolean.prototype) && !own.call(o, "qty")) o = undefined;
          else o = o["qty"];
          v6 = o === undefined ? null : o;
          if (typeof v6 === 'object' ? v6 !== null : typeof v6 === 'string' && v6.length > 64) charge(c, v6);
          o = v3;
          if (o === null || o === undefined || ("price" in Array.prototype || "price" in String.prototype || "price" in Number.prototype || "price" in Boolean.prototype) && !own.call(o, "price")) o = undefined;
          else o = o["price"];
          v7 = o === undefined ? null : o;
          if (typeof v7 === 'object' ? v7 !== null : typeof v7 === 'string' && v7.length > 64) charge(c, v7);
          v8 = num(v6) * num(v7);
          if (typeof v8 === 'object' ? v8 !== null : typeof v8 === 'string' && v8.length > 64) charge(c, v8);
          v9 = num(v5) + num(v8);
          v2 = v9;
          }
          v1 = v2;
          }
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\">\":[{\"var\":\"quote.discountPercent\"},10]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("discountPercent" in Array.prototype || "discountPercent" in String.prototype || "discountPercent" in Number.prototype || "discountPercent" in Boolean.prototype) && !own.call(o, "discountPercent")) o = undefined;
          else o = o["discountPercent"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 > (10);
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"quote.approval\"},\"approved\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("approval" in Array.prototype || "approval" in String.prototype || "approval" in Number.prototype || "approval" in Boolean.prototype) && !own.call(o, "approval")) o = undefined;
          else o = o["approval"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "approved";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"quote.status\"},\"rejected\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "rejected";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"orderPlacedByCaller\"},true]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("orderPlacedByCaller" in Array.prototype || "orderPlacedByCaller" in String.prototype || "orderPlacedByCaller" in Number.prototype || "orderPlacedByCaller" in Boolean.prototype) && !own.call(o, "orderPlacedByCaller")) o = undefined;
          else o = o["orderPlacedByCaller"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == true;
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"opportunity.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("opportunity" in Array.prototype || "opportunity" in String.prototype || "opportunity" in Number.prototype || "opportunity" in Boolean.prototype) && !own.call(o, "opportunity")) o = undefined;
          else o = o["opportunity"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"*\":[{\"reduce\":[{\"var\":\"quote.lines\"},{\"+\":[{\"var\":\"accumulator\"},{\"*\":[{\"var\":\"current.qty\"},{\"var\":\"current.price\"}]}]},0]},{\"-\":[1,{\"/\":[{\"var\":[\"quote.discountPercent\",0]},100]}]}]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, p0;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          p0 = o;
          o = p0;
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          v0 = o === undefined ? null : o;
          if (!Array.isArray(v0)) v1 = (0);
          else {
          c.steps += 15 * v0.length;
          if (c.steps > c.maxSteps) h.over(c);
          v2 = (0);
          for (v4 = 0; v4 < v0.length; v4++) {
          v3 = v0[v4];
          o = v2;
          v5 = o === undefined ? null : o;
          if (typeof v5 === 'object' ? v5 !== null : typeof v5 === 'string' && v5.length > 64) charge(c, v5);
          o = v3;
          if (o === null || o === undefined || ("qty" in Array.prototype || "qty" in String.prototype || "qty" in Number.prototype || "qty" in Boolean.prototype) && !own.call(o, "qty")) o = undefined;
          else o = o["qty"];
          v6 = o === undefined ? null : o;
          if (typeof v6 === 'object' ? v6 !== null : typeof v6 === 'string' && v6.length > 64) charge(c, v6);
          o = v3;
          if (o === null || o === undefined || ("price" in Array.prototype || "price" in String.prototype || "price" in Number.prototype || "price" in Boolean.prototype) && !own.call(o, "price")) o = undefined;
          else o = o["price"];
          v7 = o === undefined ? null : o;
          if (typeof v7 === 'object' ? v7 !== null : typeof v7 === 'string' && v7.length > 64) charge(c, v7);
          v8 = num(v6) * num(v7);
          if (typeof v8 === 'object' ? v8 !== null : typeof v8 === 'string' && v8.length > 64) charge(c, v8);
          v9 = num(v5) + num(v8);
          v2 = v9;
          }
          v1 = v2;
          }
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          o = p0;
          if (o === null || o === undefined || ("discountPercent" in Array.prototype || "discountPercent" in String.prototype || "discountPercent" in Number.prototype || "discountPercent" in Boolean.prototype) && !own.call(o, "discountPercent")) o = undefined;
          else o = o["discountPercent"];
          v10 = o === undefined ? (0) : o;
          if (typeof v10 === 'object' ? v10 !== null : typeof v10 === 'string' && v10.length > 64) charge(c, v10);
          v11 = v10 / (100);
          if (typeof v11 === 'object' ? v11 !== null : typeof v11 === 'string' && v11.length > 64) charge(c, v11);
          v12 = v11 === undefined ? -((1)) : (1) - v11;
          if (typeof v12 === 'object' ? v12 !== null : typeof v12 === 'string' && v12.length > 64) charge(c, v12);
          v13 = num(v1) * num(v12);
          return v13;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"if\":[{\">\":[{\"var\":\"quote.discountPercent\"},10]},\"pending-approval\",\"approved\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1, v2;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("discountPercent" in Array.prototype || "discountPercent" in String.prototype || "discountPercent" in Number.prototype || "discountPercent" in Boolean.prototype) && !own.call(o, "discountPercent")) o = undefined;
          else o = o["discountPercent"];
          v1 = o === undefined ? null : o;
          if (typeof v1 === 'object' ? v1 !== null : typeof v1 === 'string' && v1.length > 64) charge(c, v1);
          v2 = v1 > (10);
          if (v2) {
            v0 = "pending-approval";
          } else {
          v0 = "approved";
          }
          return v0;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"in\":[{\"var\":\"quote.status\"},[\"accepted\",\"rejected\"]]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      const k0 = Object.freeze(JSON.parse("[\"accepted\",\"rejected\"]"));
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("quote" in Array.prototype || "quote" in String.prototype || "quote" in Number.prototype || "quote" in Boolean.prototype) && !own.call(o, "quote")) o = undefined;
          else o = o["quote"];
          if (o === null || o === undefined || ("status" in Array.prototype || "status" in String.prototype || "status" in Number.prototype || "status" in Boolean.prototype) && !own.call(o, "status")) o = undefined;
          else o = o["status"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = !!k0 && typeof k0.indexOf === 'function' && k0.indexOf(v0) !== -1;
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"order.faultParty\"},\"ours\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("faultParty" in Array.prototype || "faultParty" in String.prototype || "faultParty" in Number.prototype || "faultParty" in Boolean.prototype) && !own.call(o, "faultParty")) o = undefined;
          else o = o["faultParty"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "ours";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"var\":\"originalOrder.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("originalOrder" in Array.prototype || "originalOrder" in String.prototype || "originalOrder" in Number.prototype || "originalOrder" in Boolean.prototype) && !own.call(o, "originalOrder")) o = undefined;
          else o = o["originalOrder"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"complaint.id\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("complaint" in Array.prototype || "complaint" in String.prototype || "complaint" in Number.prototype || "complaint" in Boolean.prototype) && !own.call(o, "complaint")) o = undefined;
          else o = o["complaint"];
          if (o === null || o === undefined || ("id" in Array.prototype || "id" in String.prototype || "id" in Number.prototype || "id" in Boolean.prototype) && !own.call(o, "id")) o = undefined;
          else o = o["id"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\"var\":\"originalOrder.lines\"}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        {
          let o, v0;
          o = d;
          if (o === null || o === undefined || ("originalOrder" in Array.prototype || "originalOrder" in String.prototype || "originalOrder" in Number.prototype || "originalOrder" in Boolean.prototype) && !own.call(o, "originalOrder")) o = undefined;
          else o = o["originalOrder"];
          if (o === null || o === undefined || ("lines" in Array.prototype || "lines" in String.prototype || "lines" in Number.prototype || "lines" in Boolean.prototype) && !own.call(o, "lines")) o = undefined;
          else o = o["lines"];
          v0 = o === undefined ? null : o;
          return v0;
        }
      };
    },
    "{\">\":[{\"var\":\"order.amount\"},2000]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("amount" in Array.prototype || "amount" in String.prototype || "amount" in Number.prototype || "amount" in Boolean.prototype) && !own.call(o, "amount")) o = undefined;
          else o = o["amount"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 > (2000);
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
    "{\"==\":[{\"var\":\"order.approval\"},\"approved\"]}": (h, c, sub) => {
      const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;
      return (d) => {
        c.steps = 0;
        c.items = 0;
        try {
          let o, v0, v1;
          o = d;
          if (o === null || o === undefined || ("order" in Array.prototype || "order" in String.prototype || "order" in Number.prototype || "order" in Boolean.prototype) && !own.call(o, "order")) o = undefined;
          else o = o["order"];
          if (o === null || o === undefined || ("approval" in Array.prototype || "approval" in String.prototype || "approval" in Number.prototype || "approval" in Boolean.prototype) && !own.call(o, "approval")) o = undefined;
          else o = o["approval"];
          v0 = o === undefined ? null : o;
          if (typeof v0 === 'object' ? v0 !== null : typeof v0 === 'string' && v0.length > 64) charge(c, v0);
          v1 = v0 == "approved";
          return v1;
        } catch (e) {
          throw err(e);
        }
      };
    },
  },
};
