#!/usr/bin/env python3
"""FSRS-6 written out again from its formulas, apart from core/srs/fsrs.h: it prints the
full-precision values tests/core/srs/fsrs_test.cpp expects. Run: python3 tests/core/srs/fsrs6_reference.py"""
import math
w=[0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542]
def D0(g): return w[4]-math.exp(w[5]*(g-1))+1
def clampD(d): return min(max(d,1.0),10.0)
def R(t,s):
    decay=-w[20]; factor=0.9**(1/decay)-1
    return (1+factor*t/s)**decay
def nextD(d,g):
    dd=-w[6]*(g-3); d1=d+dd*(10-d)/9; return clampD(w[7]*D0(4)+(1-w[7])*d1)
def nxt(s,d,t,g):
    if t==0:
        sinc=math.exp(w[17]*(g-3+w[18]))*s**(-w[19])
        if g>=2: sinc=max(sinc,1.0)
        return s*sinc, nextD(d,g)
    r=R(t,s)
    if g==1:
        sf=w[11]*d**(-w[12])*((s+1)**w[13]-1)*math.exp(w[14]*(1-r))
        return min(sf, s/math.exp(w[17]*w[18])), nextD(d,g)
    hard=w[15] if g==2 else 1.0; easy=w[16] if g==4 else 1.0
    return s*(math.exp(w[8])*(11-d)*s**(-w[9])*(math.exp(w[10]*(1-r))-1)*hard*easy+1), nextD(d,g)
print("first good", w[2], repr(clampD(D0(3))))
print("hard D0", repr(clampD(D0(2))), "easy D0 unclamped", repr(D0(4)))
print("R(2,2.3065)", repr(R(2,2.3065)))
S,D=2.3065,2.1181
for g in (1,2,3,4): print("2 days", g, [repr(x) for x in nxt(S,D,2,g)])
print("lapse cap", repr(nxt(0.1,1.0,30,1)[0]))
for g in (1,2,3,4): print("same day", g, [repr(x) for x in nxt(S,D,0,g)])
