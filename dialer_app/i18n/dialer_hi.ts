<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Custom…</source>
        <translation>अपना पता…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>खाता</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>सेवा देने वाली कंपनी</translation>
    </message>
    <message>
        <source>Whose service you use.</source>
        <translation>आप किसकी सेवा इस्तेमाल करते हैं।</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API पता</translation>
    </message>
    <message>
        <source>The service&apos;s address; only a custom provider can change it.</source>
        <translation>सेवा का पता; इसे सिर्फ़ अपने पते वाली कंपनी के लिए बदला जा सकता है।</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API कुंजी</translation>
    </message>
    <message>
        <source>The authcode from your CallerDesk panel; kept in the password store.</source>
        <translation>आपके CallerDesk पैनल का authcode; यह पासवर्ड स्टोर में रखा जाता है।</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved key</source>
        <translation>सहेजी हुई कुंजी रखने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>Paste the API key (authcode)</source>
        <translation>API कुंजी (authcode) चिपकाएँ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Forget saved key</source>
        <translation>सहेजी हुई कुंजी हटाएँ</translation>
    </message>
    <message>
        <source>Removes the key from the password store.</source>
        <translation>कुंजी को पासवर्ड स्टोर से हटा देता है।</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>कंपनी (&amp;P)</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>API पता (&amp;A)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API कुंजी (&amp;K)</translation>
    </message>
    <message>
        <source>Enter the API key (authcode) from your CallerDesk panel.</source>
        <translation>अपने CallerDesk पैनल से API कुंजी (authcode) डालें।</translation>
    </message>
</context>
<context>
    <name>AccountFlow</name>
    <message>
        <source>The key is kept in this computer&apos;s password store (keyring), never in a file.</source>
        <translation>कुंजी इस कंप्यूटर के पासवर्ड स्टोर (keyring) में रखी जाती है, कभी किसी फ़ाइल में नहीं।</translation>
    </message>
    <message>
        <source>No password store (keyring) is available: the key will be kept for this session only and asked for again next time.</source>
        <translation>पासवर्ड स्टोर (keyring) उपलब्ध नहीं है: कुंजी सिर्फ़ इस बार के लिए रखी जाएगी और अगली बार फिर से माँगी जाएगी।</translation>
    </message>
    <message>
        <source>Ready. Type the customer&apos;s number and press Return.</source>
        <translation>तैयार। ग्राहक का नंबर लिखें और Return दबाएँ।</translation>
    </message>
    <message>
        <source>DEMO — built-in sandbox, no real calls</source>
        <translation>डेमो — अंदर का सैंडबॉक्स, कोई असली कॉल नहीं</translation>
    </message>
    <message>
        <source>Account: {provider}</source>
        <translation>खाता: {provider}</translation>
    </message>
    <message>
        <source>Opening the password store…</source>
        <translation>पासवर्ड स्टोर खुल रहा है…</translation>
    </message>
    <message>
        <source>{reason} The key is used for this session only.</source>
        <translation>{reason} कुंजी सिर्फ़ इस बार के लिए इस्तेमाल होगी।</translation>
    </message>
    <message>
        <source>The saved key was forgotten. Dialer → Account… to enter one.</source>
        <translation>सहेजी हुई कुंजी हटा दी गई। नई डालने के लिए: डायलर → खाता…</translation>
    </message>
    <message>
        <source>No API key yet: Dialer → Account… to enter it.</source>
        <translation>अभी कोई API कुंजी नहीं है: डालने के लिए डायलर → खाता…</translation>
    </message>
</context>
<context>
    <name>AutostartToggle</name>
    <message>
        <source>Start with the desktop &amp;session</source>
        <translation>कंप्यूटर चालू होने पर शुरू करें (&amp;S)</translation>
    </message>
    <message>
        <source>The start with the desktop session could not be changed: {error}</source>
        <translation>कंप्यूटर चालू होने पर शुरू होने की सेटिंग नहीं बदल सकी: {error}</translation>
    </message>
    <message>
        <source>The dialer will start in the tray when you log in.</source>
        <translation>लॉग इन करने पर डायलर ट्रे में शुरू होगा।</translation>
    </message>
    <message>
        <source>The dialer will no longer start when you log in.</source>
        <translation>लॉग इन करने पर डायलर अब अपने-आप शुरू नहीं होगा।</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Open account settings</source>
        <translation>खाते की सेटिंग खोलें</translation>
    </message>
    <message>
        <source>Call this customer again</source>
        <translation>इस ग्राहक को फिर से कॉल करें</translation>
    </message>
    <message>
        <source>Take this number off the do-not-call list</source>
        <translation>इस नंबर को &apos;कॉल न करें&apos; सूची से हटाएँ</translation>
    </message>
    <message>
        <source>Call this customer again? Return or Escape: don&apos;t call.</source>
        <translation>इस ग्राहक को फिर से कॉल करें? Return या Escape: कॉल न करें।</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>एक मेंबर</translation>
    </message>
    <message>
        <source>{number} was already called at {when} by {member} ({what}, campaign {campid}).</source>
        <translation>{number} को {when} बजे {member} पहले ही कॉल कर चुके हैं ({what}, कैंपेन {campid})।</translation>
    </message>
    <message>
        <source>{number} was already called at {when} by {member} ({what}).</source>
        <translation>{number} को {when} बजे {member} पहले ही कॉल कर चुके हैं ({what})।</translation>
    </message>
    <message>
        <source>Another member</source>
        <translation>दूसरे मेंबर</translation>
    </message>
    <message>
        <source>{who} is on a call with {number} now.</source>
        <translation>{who} अभी {number} से कॉल पर हैं।</translation>
    </message>
    <message>
        <source>, {minutes} min</source>
        <translation>, {minutes} मिनट</translation>
    </message>
    <message>
        <source>{who} called {number} at {when}: {result}{talk}.</source>
        <translation>{who} ने {when} बजे {number} को कॉल किया: {result}{talk}।</translation>
    </message>
</context>
<context>
    <name>CallBackDialog</name>
    <message>
        <source>Call back later</source>
        <translation>बाद में वापस कॉल करें</translation>
    </message>
    <message>
        <source>Call {who} back in:</source>
        <translation>{who} को कितनी देर बाद वापस कॉल करें:</translation>
    </message>
    <message>
        <source>Minutes from now</source>
        <translation>अभी से कितने मिनट बाद</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>इस समय वापस कॉल</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>{time} बजे</translation>
    </message>
</context>
<context>
    <name>CallBacksTab</name>
    <message>
        <source>Give the call-back to</source>
        <translation>कॉल-बैक किसे दें</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>Reass&amp;ign</source>
        <translation>दूसरे को सौंपें (&amp;I)</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>दूसरे को सौंपें</translation>
    </message>
    <message>
        <source>Give to:</source>
        <translation>किसे दें:</translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Taken off the do-not-call list. Press Return to call.</source>
        <translation>&apos;कॉल न करें&apos; सूची से हटा दिया। कॉल करने के लिए Return दबाएँ।</translation>
    </message>
    <message>
        <source>Not called: {reason}</source>
        <translation>कॉल नहीं किया: {reason}</translation>
    </message>
    <message>
        <source>Not called: the account is not set up yet (Dialer → Account…).</source>
        <translation>कॉल नहीं किया: खाता अभी सेट नहीं है (डायलर → खाता…)।</translation>
    </message>
    <message>
        <source>Not called: the call history cannot be written.</source>
        <translation>कॉल नहीं किया: कॉल इतिहास में लिखा नहीं जा सकता।</translation>
    </message>
    <message>
        <source>Not called: the members could not be loaded: {reason}</source>
        <translation>कॉल नहीं किया: मेंबर लोड नहीं हो सके: {reason}</translation>
    </message>
    <message>
        <source>Not called: choose the member who will take the call.</source>
        <translation>कॉल नहीं किया: वह मेंबर चुनें जो कॉल लेगा।</translation>
    </message>
    <message>
        <source>Not called: choose a deskphone.</source>
        <translation>कॉल नहीं किया: डेस्कफ़ोन चुनें।</translation>
    </message>
    <message>
        <source>The team check failed ({reason}), so only this desk&apos;s calls were checked.</source>
        <translation>टीम की जाँच नहीं हो सकी ({reason}), इसलिए सिर्फ़ इस डेस्क की कॉल देखी गईं।</translation>
    </message>
    <message>
        <source>The team check was skipped (no answer within {seconds} s): only this desk&apos;s calls were checked.</source>
        <translation>टीम की जाँच छोड़ दी गई ({seconds} सेकंड में जवाब नहीं आया): सिर्फ़ इस डेस्क की कॉल देखी गईं।</translation>
    </message>
    <message>
        <source>Not called: the list&apos;s purpose could not be read ({reason}).</source>
        <translation>कॉल नहीं हुई: सूची का उद्देश्य पढ़ा नहीं जा सका ({reason})।</translation>
    </message>
    <message>
        <source>Not called: {number} was called moments ago.</source>
        <translation>कॉल नहीं किया: {number} को अभी-अभी कॉल किया गया था।</translation>
    </message>
    <message>
        <source>Calling {number}…</source>
        <translation>{number} को कॉल हो रहा है…</translation>
    </message>
    <message>
        <source>Not called: the call history could not be read ({reason}).</source>
        <translation>कॉल नहीं किया: कॉल इतिहास पढ़ा नहीं जा सका ({reason})।</translation>
    </message>
    <message>
        <source>(Not saved in history: {reason})</source>
        <translation>(इतिहास में सहेजा नहीं गया: {reason})</translation>
    </message>
</context>
<context>
    <name>CallerIdQuestion</name>
    <message>
        <source>Caller-ID series</source>
        <translation>कॉलर-आईडी सीरीज़</translation>
    </message>
    <message>
        <source>Call &amp;anyway</source>
        <translation>फिर भी कॉल करें (&amp;A)</translation>
    </message>
    <message>
        <source>Don&apos;t call</source>
        <translation>कॉल न करें</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>चार्ट</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>प्रति घंटे कॉल</translation>
    </message>
    <message>
        <source>Connect rate per agent</source>
        <translation>एजेंट के अनुसार कनेक्ट दर</translation>
    </message>
    <message>
        <source>Talk time per agent</source>
        <translation>एजेंट के अनुसार बातचीत का समय</translation>
    </message>
    <message>
        <source>Lists over the day</source>
        <translation>दिन भर में सूचियाँ</translation>
    </message>
    <message>
        <source>The chart&apos;s figures</source>
        <translation>चार्ट के आँकड़े</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>दिन (&amp;D):</translation>
    </message>
    <message>
        <source>Char&amp;t:</source>
        <translation>चार्ट (&amp;T):</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>History &amp;columns</source>
        <translation>इतिहास के कॉलम (&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConfirmRedial</name>
    <message>
        <source>Call again?</source>
        <translation>फिर से कॉल करें?</translation>
    </message>
    <message>
        <source>&amp;Call again</source>
        <translation>फिर से कॉल करें (&amp;C)</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t call</source>
        <translation>कॉल न करें (&amp;N)</translation>
    </message>
</context>
<context>
    <name>DialForm</name>
    <message>
        <source>Customer number</source>
        <translation>ग्राहक का नंबर</translation>
    </message>
    <message>
        <source>Type or paste the number; Return calls it.</source>
        <translation>नंबर लिखें या चिपकाएँ; Return दबाने पर कॉल होगा।</translation>
    </message>
    <message>
        <source>Customer number, e.g. +91 98765 43210</source>
        <translation>ग्राहक का नंबर, जैसे +91 98765 43210</translation>
    </message>
    <message>
        <source>Number check</source>
        <translation>नंबर की जाँच</translation>
    </message>
    <message>
        <source>What will be dialled, or why the number is refused.</source>
        <translation>कौन-सा नंबर डायल होगा, या नंबर क्यों नहीं लिया गया।</translation>
    </message>
    <message>
        <source>Numbers found in the pasted text</source>
        <translation>चिपकाए गए टेक्स्ट में मिले नंबर</translation>
    </message>
    <message>
        <source>Pick the one number to call.</source>
        <translation>कॉल करने के लिए एक नंबर चुनें।</translation>
    </message>
    <message>
        <source>Pick the number to call…</source>
        <translation>कॉल करने का नंबर चुनें…</translation>
    </message>
    <message>
        <source>Recent calls to this number</source>
        <translation>इस नंबर पर हाल की कॉल</translation>
    </message>
    <message>
        <source>Earlier calls to this customer, from this desk and the team.</source>
        <translation>इस ग्राहक को पहले की गई कॉल, इस डेस्क से और टीम से।</translation>
    </message>
    <message>
        <source>Member (your phone)</source>
        <translation>मेंबर (आपका फ़ोन)</translation>
    </message>
    <message>
        <source>The phone that rings after the customer answers.</source>
        <translation>ग्राहक के उठाने के बाद जो फ़ोन बजता है।</translation>
    </message>
    <message>
        <source>Loading members…</source>
        <translation>मेंबर लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>Refresh members</source>
        <translation>सदस्य फिर से लोड करें</translation>
    </message>
    <message>
        <source>Reload members and deskphones (F5)</source>
        <translation>मेंबर और डेस्कफ़ोन फिर से लोड करें (F5)</translation>
    </message>
    <message>
        <source>Deskphone (caller ID)</source>
        <translation>डेस्कफ़ोन (कॉलर ID)</translation>
    </message>
    <message>
        <source>The number the customer sees.</source>
        <translation>वह नंबर जो ग्राहक को दिखता है।</translation>
    </message>
    <message>
        <source>Loading deskphones…</source>
        <translation>डेस्कफ़ोन लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>Call limit in seconds</source>
        <translation>कॉल की सीमा, सेकंड में</translation>
    </message>
    <message>
        <source>The longest the call may last; 0 is no limit.</source>
        <translation>कॉल ज़्यादा से ज़्यादा कितनी देर चले; 0 का मतलब कोई सीमा नहीं।</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds after a number</comment>
        <translation> सेकंड</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>कोई सीमा नहीं</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>कॉल करें</translation>
    </message>
    <message>
        <source>Call customer</source>
        <translation>ग्राहक को कॉल करें</translation>
    </message>
    <message>
        <source>Ring the customer, then your phone (Return)</source>
        <translation>पहले ग्राहक का फ़ोन बजेगा, फिर आपका (Return)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>ग्राहक (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>मेंबर (&amp;M)</translation>
    </message>
    <message>
        <source>Des&amp;kphone</source>
        <translation>डेस्कफ़ोन (&amp;K)</translation>
    </message>
    <message>
        <source>Call &amp;limit</source>
        <translation>कॉल सीमा (&amp;L)</translation>
    </message>
    <message>
        <source>Type or paste the customer&apos;s number.</source>
        <translation>ग्राहक का नंबर लिखें या चिपकाएँ।</translation>
    </message>
    <message>
        <source>Will dial {number} (mobile)</source>
        <translation>{number} डायल होगा (मोबाइल)</translation>
    </message>
    <message>
        <source>Will dial {number} (landline)</source>
        <translation>{number} डायल होगा (लैंडलाइन)</translation>
    </message>
    <message>
        <source>Will dial {number}</source>
        <translation>{number} डायल होगा</translation>
    </message>
    <message>
        <source>No active members</source>
        <translation>कोई सक्रिय मेंबर नहीं</translation>
    </message>
    <message>
        <source>No deskphones</source>
        <translation>कोई डेस्कफ़ोन नहीं</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>कॉल हो रहा है…</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <source>Interested</source>
        <translation>दिलचस्पी है</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>वापस कॉल करें</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>दिलचस्पी नहीं</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>गलत नंबर</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>कॉल न करें</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>इतिहास एक्सपोर्ट करें</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export progress</source>
        <translation>एक्सपोर्ट की प्रगति</translation>
    </message>
    <message>
        <source>Exporting history</source>
        <translation>इतिहास एक्सपोर्ट हो रहा है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>एक एक्सपोर्ट पहले से चल रहा है।</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>{name} में एक्सपोर्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>एक्सपोर्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Exporting to {name}: {done} of {total} rows</source>
        <translation>{name} में एक्सपोर्ट हो रहा है: {total} में से {done} पंक्तियाँ</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {target}</source>
        <translation>
            <numerusform>%n पंक्ति {target} में एक्सपोर्ट की</numerusform>
            <numerusform>%n पंक्तियाँ {target} में एक्सपोर्ट कीं</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>एक्सपोर्ट रद्द हुआ: कोई फ़ाइल नहीं लिखी गई।</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>एक्सपोर्ट नहीं हो सका: {reason}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Sending…</source>
        <translation>भेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>लग गई</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>मना हुई</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>नहीं भेजी</translation>
    </message>
    <message>
        <source>Unknown — check before calling again</source>
        <translation>पता नहीं — फिर से कॉल करने से पहले जाँचें</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>पता नहीं</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>बात हुई</translation>
    </message>
    <message>
        <source>Customer did not answer</source>
        <translation>ग्राहक ने नहीं उठाया</translation>
    </message>
    <message>
        <source>⚠ Customer left waiting</source>
        <translation>⚠ ग्राहक इंतज़ार करता रहा</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>कोई रिपोर्ट नहीं</translation>
    </message>
    <message>
        <source>Waiting for report…</source>
        <translation>रिपोर्ट का इंतज़ार…</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} सेकंड</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ सुनें</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>मेंबर</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Deskphone</source>
        <translation>डेस्कफ़ोन</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>सीमा</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>नतीजा</translation>
    </message>
    <message>
        <source>Campid</source>
        <translation>कैंपेन ID</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>वापस कॉल</translation>
    </message>
    <message>
        <source>Customer answered</source>
        <translation>ग्राहक ने उठाया</translation>
    </message>
    <message>
        <source>Member answered</source>
        <translation>मेंबर ने उठाया</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>बातचीत</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>कॉइन</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>रिकॉर्डिंग</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
</context>
<context>
    <name>HistoryFlow</name>
    <message>
        <source>The recording link was not opened: it is not a secure https:// address ({url}).</source>
        <translation>रिकॉर्डिंग का लिंक नहीं खोला: यह सुरक्षित https:// पता नहीं है ({url})।</translation>
    </message>
    <message>
        <source>{number} is in the form: press Return to call again.</source>
        <translation>{number} फ़ॉर्म में भर दिया है: फिर से कॉल करने के लिए Return दबाएँ।</translation>
    </message>
    <message>
        <source>the member</source>
        <translation>मेंबर</translation>
    </message>
    <message>
        <source>⚠ {number} answered, but {member} did not pick up: the customer was left waiting.</source>
        <translation>⚠ {number} ने फ़ोन उठाया, पर {member} ने नहीं उठाया: ग्राहक इंतज़ार करता रहा।</translation>
    </message>
    <message>
        <source>Called before: {calls}</source>
        <translation>पहले कॉल किया: {calls}</translation>
    </message>
    <message>
        <source>{who} on a call now</source>
        <translation>{who} अभी कॉल पर</translation>
    </message>
    <message>
        <source>Team: {calls}</source>
        <translation>टीम: {calls}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Any time</source>
        <translation>कभी भी</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>पिछले 30 दिन</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>इनके बीच…</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>इतिहास छाँटें</translation>
    </message>
    <message>
        <source>Filter: number or member name</source>
        <translation>छाँटें: नंबर या मेंबर का नाम</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>नतीजे से छाँटें</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>सभी नतीजे</translation>
    </message>
    <message>
        <source>Filter by disposition</source>
        <translation>स्थिति से छाँटें</translation>
    </message>
    <message>
        <source>All dispositions</source>
        <translation>सभी स्थितियाँ</translation>
    </message>
    <message>
        <source>Not wrapped up</source>
        <translation>रैप-अप नहीं हुआ</translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation>तारीख़ से छाँटें</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>इस तारीख़ से</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>इस तारीख़ तक</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>एक्सपोर्ट (&amp;X)…</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>इतिहास एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Campaign history</source>
        <translation>कॉल इतिहास</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>{name} इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Import {name} for the team</source>
        <translation>{name} टीम के लिए इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>इम्पोर्ट से पहले की झलक</translation>
    </message>
    <message>
        <source>What will be imported</source>
        <translation>क्या इम्पोर्ट होगा</translation>
    </message>
    <message>
        <source>Column of phone numbers</source>
        <translation>फ़ोन नंबरों का कॉलम</translation>
    </message>
    <message>
        <source>Column {number}</source>
        <translation>कॉलम {number}</translation>
    </message>
    <message>
        <source>Numbers from the &amp;column:</source>
        <translation>नंबर इस कॉलम से (&amp;C):</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>नहीं ली गई पंक्तियाँ</translation>
    </message>
    <message>
        <source>For the team: {summary}</source>
        <translation>टीम के लिए: {summary}</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n lead(s)</source>
        <translation>
            <numerusform>%n लीड इम्पोर्ट करें (&amp;I)</numerusform>
            <numerusform>%n लीड इम्पोर्ट करें (&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every row for a {purpose} list…</source>
        <translation>{purpose} सूची के लिए हर पंक्ति फिर से जाँची जा रही है…</translation>
    </message>
    <message>
        <source>Not importable as it is: {reason}</source>
        <translation>जैसी है वैसी इम्पोर्ट नहीं हो सकती: {reason}</translation>
    </message>
    <message>
        <source>The lead&apos;s number in the list panel</source>
        <translation>सूची पैनल में लीड का क्रमांक</translation>
    </message>
    <message>
        <source>Import the leads</source>
        <translation>लीड इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>इम्पोर्ट रद्द करें</translation>
    </message>
    <message>
        <source>Number as written</source>
        <translation>लिखा हुआ नंबर</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Row in the file</source>
        <translation>फ़ाइल में पंक्ति</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) are ready to call from {file}.</source>
        <translation>
            <numerusform>{file} से %n लीड कॉल के लिए तैयार है।</numerusform>
            <numerusform>{file} से %n लीड कॉल के लिए तैयार हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every row again with the numbers from “{column}”…</source>
        <translation>“{column}” के नंबरों से हर पंक्ति फिर से जाँची जा रही है…</translation>
    </message>
    <message>
        <source>The numbers come from the column “{column}”.</source>
        <translation>नंबर “{column}” कॉलम से लिए गए हैं।</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) have a second number in the same cell: it is kept as the lead&apos;s other number (F4 calls it).</source>
        <translation>
            <numerusform>%n लीड के उसी खाने में दूसरा नंबर भी है: वह लीड का दूसरा नंबर बनकर रहेगा (F4 उसे कॉल करता है)।</numerusform>
            <numerusform>%n लीड के उसी खाने में दूसरा नंबर भी है: वह हर लीड का दूसरा नंबर बनकर रहेगा (F4 उसे कॉल करता है)।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are refused (below): they are kept in the list as refused, never called.</source>
        <translation>
            <numerusform>%n पंक्ति नहीं ली गई (नीचे): वह सूची में &apos;नहीं ली गई&apos; के रूप में रहेगी, उस पर कभी कॉल नहीं होगा।</numerusform>
            <numerusform>%n पंक्तियाँ नहीं ली गईं (नीचे): वे सूची में &apos;नहीं ली गई&apos; के रूप में रहेंगी, उन पर कभी कॉल नहीं होगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n refused rows are shown.</source>
        <translation>
            <numerusform>नहीं ली गई पहली %n पंक्ति दिखाई गई है।</numerusform>
            <numerusform>नहीं ली गई पहली %n पंक्तियाँ दिखाई गई हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>No lead can be called: nothing would be imported.</source>
        <translation>किसी भी लीड पर कॉल नहीं हो सकता: कुछ भी इम्पोर्ट नहीं होगा।</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Follow the system</source>
        <translation>सिस्टम के अनुसार</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>The dialer will use {language} when it starts again.</source>
        <translation>डायलर अगली बार शुरू होने पर {language} में दिखेगा।</translation>
    </message>
</context>
<context>
    <name>LeadListFiles</name>
    <message>
        <source>Import a lead list</source>
        <translation>लीड की सूची इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>स्प्रेडशीट (*.csv *.tsv *.txt *.xlsx);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>एक इम्पोर्ट पहले से चल रहा है।</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} पढ़ी जा रही है…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>इम्पोर्ट की प्रगति</translation>
    </message>
    <message>
        <source>Importing a lead list</source>
        <translation>लीड की सूची इम्पोर्ट हो रही है</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n lead(s)…</source>
        <translation>
            <numerusform>%n लीड सहेजी जा रही है…</numerusform>
            <numerusform>%n लीड सहेजी जा रही हैं…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was saved.</source>
        <translation>इम्पोर्ट रद्द हुआ: कुछ भी सहेजा नहीं गया।</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n lead(s) imported. The first is in the form: press Return to call it.</source>
        <translation>
            <numerusform>{name}: %n लीड इम्पोर्ट हुई। पहली लीड फ़ॉर्म में है: कॉल करने के लिए Return दबाएँ।</numerusform>
            <numerusform>{name}: %n लीड इम्पोर्ट हुईं। पहली लीड फ़ॉर्म में है: कॉल करने के लिए Return दबाएँ।</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>इम्पोर्ट नहीं हुआ: {reason}</translation>
    </message>
    <message>
        <source>Import do-not-call numbers</source>
        <translation>&apos;कॉल न करें&apos; नंबर इम्पोर्ट करें</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) are on the do-not-call list now.</source>
        <translation>
            <numerusform>%n नंबर अब &apos;कॉल न करें&apos; सूची में है।</numerusform>
            <numerusform>%n नंबर अब &apos;कॉल न करें&apos; सूची में हैं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) were not numbers: left out.</source>
        <translation>
            <numerusform>%n खाना नंबर नहीं था: उसे छोड़ दिया।</numerusform>
            <numerusform>%n खाने नंबर नहीं थे: उन्हें छोड़ दिया।</numerusform>
        </translation>
    </message>
    <message>
        <source>No list to export: import one.</source>
        <translation>एक्सपोर्ट के लिए कोई सूची नहीं है: पहले एक सूची इम्पोर्ट करें।</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>सूची एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel वर्कबुक (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to {file}.</source>
        <translation>
            <numerusform>%n लीड {file} में एक्सपोर्ट की।</numerusform>
            <numerusform>%n लीड {file} में एक्सपोर्ट कीं।</numerusform>
        </translation>
    </message>
    <message>
        <source>The list was not exported: {reason}</source>
        <translation>सूची एक्सपोर्ट नहीं हुई: {reason}</translation>
    </message>
</context>
<context>
    <name>LeadListFlow</name>
    <message>
        <source>Lead lists unavailable: {reason}</source>
        <translation>लीड की सूचियाँ उपलब्ध नहीं हैं: {reason}</translation>
    </message>
    <message>
        <source>The last session ended during a call to a lead: that attempt is marked unknown (it may have rung). Check before pressing Return.</source>
        <translation>पिछली बार एक लीड को कॉल के बीच में डायलर बंद हो गया: उस कोशिश को &apos;पता नहीं&apos; लिखा गया है (हो सकता है फ़ोन बजा हो)। Return दबाने से पहले जाँचें।</translation>
    </message>
    <message>
        <source>The lead list could not be updated: {reason}</source>
        <translation>लीड सूची अपडेट नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <source>Skipped {number}.</source>
        <translation>{number} को छोड़ दिया।</translation>
    </message>
    <message>
        <source>{number} will come back at {time}.</source>
        <translation>{number} फिर से {time} बजे आएगा।</translation>
    </message>
    <message>
        <source>Wait for the call&apos;s outcome before moving to another lead.</source>
        <translation>दूसरी लीड पर जाने से पहले कॉल के नतीजे का इंतज़ार करें।</translation>
    </message>
    <message>
        <source>This lead has no other number.</source>
        <translation>इस लीड का कोई दूसरा नंबर नहीं है।</translation>
    </message>
    <message numerus="yes">
        <source>{number} has had %n attempt(s), the most a lead gets: next lead.</source>
        <translation>
            <numerusform>{number} पर %n बार कोशिश हो चुकी है, एक लीड को इससे ज़्यादा नहीं मिलतीं: अगली लीड।</numerusform>
            <numerusform>{number} पर %n बार कोशिश हो चुकी है, एक लीड को इससे ज़्यादा नहीं मिलतीं: अगली लीड।</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to call back {who} ({number}): press Return to call.</source>
        <translation>{who} ({number}) को वापस कॉल करने का समय: कॉल करने के लिए Return दबाएँ।</translation>
    </message>
    <message>
        <source>Call back now</source>
        <translation>अभी वापस कॉल करें</translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message>
        <source>Call-down list</source>
        <translation>कॉल की सूची</translation>
    </message>
    <message>
        <source>Active list</source>
        <translation>चालू सूची</translation>
    </message>
    <message>
        <source>L&amp;ist</source>
        <translation>सूची (&amp;I)</translation>
    </message>
    <message>
        <source>List progress</source>
        <translation>सूची की प्रगति</translation>
    </message>
    <message>
        <source>The list&apos;s purpose</source>
        <translation>सूची का उद्देश्य</translation>
    </message>
    <message>
        <source>Leads of the active list</source>
        <translation>चालू सूची की लीड</translation>
    </message>
    <message>
        <source>The lead&apos;s details</source>
        <translation>लीड की जानकारी</translation>
    </message>
    <message>
        <source>{name} ({purpose})</source>
        <translation>{name} ({purpose})</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>उद्देश्य: {purpose}</translation>
    </message>
    <message>
        <source>Purpose: not chosen yet (asked before the first call)</source>
        <translation>उद्देश्य: अभी चुना नहीं गया (पहली कॉल से पहले पूछा जाएगा)</translation>
    </message>
    <message>
        <source>{done} of {total} done · {connected} connected · {call_back} to call back</source>
        <translation>{total} में से {done} हो गईं · {connected} से बात हुई · {call_back} को वापस कॉल करना है</translation>
    </message>
    <message>
        <source>The list is done: every lead has been worked.</source>
        <translation>सूची पूरी हुई: हर लीड पर काम हो चुका है।</translation>
    </message>
    <message>
        <source>Lead {position}: {name}</source>
        <translation>लीड {position}: {name}</translation>
    </message>
    <message>
        <source>Other number: {numbers} (F4 calls it instead)</source>
        <translation>दूसरा नंबर: {numbers} (F4 इसकी जगह उसे कॉल करता है)</translation>
    </message>
    <message>
        <source>Same number in the file: {names}</source>
        <translation>फ़ाइल में यही नंबर: {names}</translation>
    </message>
</context>
<context>
    <name>LeadListRescrub</name>
    <message>
        <source>No list to scrub: import one.</source>
        <translation>स्क्रब करने को कोई सूची नहीं: पहले एक सूची इम्पोर्ट करें।</translation>
    </message>
    <message>
        <source>Import a DND scrub result</source>
        <translation>DND स्क्रब का नतीजा इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>स्प्रेडशीट (*.csv *.tsv *.txt *.xlsx);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Scrub result not applied.</source>
        <translation>स्क्रब का नतीजा लागू नहीं हुआ।</translation>
    </message>
    <message numerus="yes">
        <source>Scrub result applied: %n lead(s) refused.</source>
        <translation>
            <numerusform>स्क्रब का नतीजा लागू हुआ: %n लीड अस्वीकार हुई।</numerusform>
            <numerusform>स्क्रब का नतीजा लागू हुआ: %n लीड अस्वीकार हुईं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Scrub result not applied: {reason}</source>
        <translation>स्क्रब का नतीजा लागू नहीं हुआ: {reason}</translation>
    </message>
</context>
<context>
    <name>LeadService</name>
    <message>
        <source>There is no lead list named {name} (lists: {names}).</source>
        <translation>{name} नाम की कोई लीड सूची नहीं है (सूचियाँ: {names})।</translation>
    </message>
</context>
<context>
    <name>ListMenu</name>
    <message>
        <source>Import &amp;DND scrub result…</source>
        <translation>DND स्क्रब का नतीजा इम्पोर्ट करें… (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>टीम… (&amp;T)</translation>
    </message>
    <message>
        <source>Li&amp;sts</source>
        <translation>सूचियाँ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import a lead list…</source>
        <translation>लीड की सूची इम्पोर्ट करें (&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Skip this lead</source>
        <translation>इस लीड को छोड़ें (&amp;S)</translation>
    </message>
    <message>
        <source>Call &amp;back later…</source>
        <translation>बाद में वापस कॉल करें (&amp;B)…</translation>
    </message>
    <message>
        <source>Call the lead&apos;s &amp;other number</source>
        <translation>लीड के दूसरे नंबर पर कॉल करें (&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xport the list…</source>
        <translation>सूची एक्सपोर्ट करें (&amp;X)…</translation>
    </message>
    <message>
        <source>Import do-&amp;not-call numbers…</source>
        <translation>&apos;कॉल न करें&apos; नंबर इम्पोर्ट करें (&amp;N)…</translation>
    </message>
    <message>
        <source>Import the de&amp;mo list</source>
        <translation>डेमो सूची इम्पोर्ट करें (&amp;M)</translation>
    </message>
</context>
<context>
    <name>ListRulesCheck</name>
    <message>
        <source>Not called: choose the purpose of {name} first (promotional, service or transactional).</source>
        <translation>कॉल नहीं हुई: पहले {name} का उद्देश्य चुनें (प्रमोशनल, सर्विस या ट्रांज़ैक्शनल)।</translation>
    </message>
    <message>
        <source>The compliance journal could not be written: {reason}</source>
        <translation>अनुपालन जर्नल लिखा नहीं जा सका: {reason}</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>&amp;Pause list</source>
        <translation>सूची रोकें (&amp;P)</translation>
    </message>
    <message>
        <source>Pause list</source>
        <translation>सूची रोकें</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>प्राथमिकता</translation>
    </message>
    <message>
        <source>Set pri&amp;ority</source>
        <translation>प्राथमिकता तय करें (&amp;O)</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>प्राथमिकता तय करें</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>प्राथमिकता:</translation>
    </message>
    <message>
        <source>Res&amp;ume list</source>
        <translation>सूची फिर शुरू करें (&amp;U)</translation>
    </message>
</context>
<context>
    <name>LiveFlow</name>
    <message>
        <source>⚠ {number} answered and is waiting on the line: pick up your phone ({member}).</source>
        <translation>⚠ {number} ने फ़ोन उठा लिया है और लाइन पर इंतज़ार कर रहा है: अपना फ़ोन उठाएँ ({member})।</translation>
    </message>
    <message>
        <source>Ringing the customer, {number}…</source>
        <translation>ग्राहक का फ़ोन बज रहा है, {number}…</translation>
    </message>
    <message>
        <source>{number} answered: ringing you ({member}), pick up…</source>
        <translation>{number} ने उठा लिया: आपका फ़ोन बज रहा है ({member}), उठाइए…</translation>
    </message>
    <message>
        <source>Connected with {number} · {talk}</source>
        <translation>{number} से बात हो रही है · {talk}</translation>
    </message>
    <message>
        <source>The call with {number} has ended.</source>
        <translation>{number} के साथ कॉल ख़त्म हो गई।</translation>
    </message>
    <message>
        <source>{number}: {status}</source>
        <translation>{number}: {status}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dialer — DEMO (sandbox)</source>
        <translation>डायलर — डेमो (सैंडबॉक्स)</translation>
    </message>
    <message>
        <source>Dialer</source>
        <translation>डायलर</translation>
    </message>
    <message>
        <source>Outcome of the last call</source>
        <translation>पिछली कॉल का नतीजा</translation>
    </message>
    <message>
        <source>What happened to the last call, and what to do next.</source>
        <translation>पिछली कॉल का क्या हुआ, और आगे क्या करना है।</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>खाता</translation>
    </message>
    <message>
        <source>Balance: …</source>
        <translation>बैलेंस: …</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>बैलेंस</translation>
    </message>
    <message>
        <source>Ready. Type the customer&apos;s number and press Return.</source>
        <translation>तैयार। ग्राहक का नंबर लिखें और Return दबाएँ।</translation>
    </message>
    <message>
        <source>&amp;Dialer</source>
        <translation>डायलर (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>खाता (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Refresh members</source>
        <translation>सदस्य फिर से लोड करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export shown history…</source>
        <translation>दिखाया गया इतिहास एक्सपोर्ट करें (&amp;E)…</translation>
    </message>
    <message>
        <source>Call the waiting customer a&amp;gain</source>
        <translation>इंतज़ार करने वाले ग्राहक को फिर कॉल करें (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Wrap up the selected call…</source>
        <translation>चुनी गई कॉल का रैप-अप (&amp;W)…</translation>
    </message>
    <message>
        <source>Customer asked &amp;not to be called</source>
        <translation>ग्राहक ने कॉल न करने को कहा (&amp;N)</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>जाँच की जानकारी कॉपी करें (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) from the last session never got an answer and may have rung, but they could not be marked Unknown ({reason}): check before calling those customers again.</source>
        <translation>
            <numerusform>पिछली बार की %n कॉल का कोई जवाब नहीं मिला और हो सकता है फ़ोन बजा हो, पर उन्हें &apos;पता नहीं&apos; नहीं लिखा जा सका ({reason}): उन ग्राहकों को फिर से कॉल करने से पहले जाँचें।</numerusform>
            <numerusform>पिछली बार की %n कॉल का कोई जवाब नहीं मिला और हो सकता है फ़ोन बजा हो, पर उन्हें &apos;पता नहीं&apos; नहीं लिखा जा सका ({reason}): उन ग्राहकों को फिर से कॉल करने से पहले जाँचें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls left unfinished by the last session could not be marked Unknown ({reason}): check before calling those customers again.</source>
        <translation>पिछली बार की अधूरी कॉल को &apos;पता नहीं&apos; नहीं लिखा जा सका ({reason}): उन ग्राहकों को फिर से कॉल करने से पहले जाँचें।</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) from the last session never got an answer and may have rung: they are marked Unknown below. Check before calling again.</source>
        <translation>
            <numerusform>पिछली बार की %n कॉल का कोई जवाब नहीं मिला और हो सकता है फ़ोन बजा हो: नीचे उन्हें &apos;पता नहीं&apos; लिखा गया है। फिर से कॉल करने से पहले जाँचें।</numerusform>
            <numerusform>पिछली बार की %n कॉल का कोई जवाब नहीं मिला और हो सकता है फ़ोन बजा हो: नीचे उन्हें &apos;पता नहीं&apos; लिखा गया है। फिर से कॉल करने से पहले जाँचें।</numerusform>
        </translation>
    </message>
    <message>
        <source>a link</source>
        <translation>एक लिंक</translation>
    </message>
    <message>
        <source>Number from {source}: check it and press Return to call.</source>
        <translation>{source} से नंबर आया: जाँच लें और कॉल करने के लिए Return दबाएँ।</translation>
    </message>
    <message>
        <source>Diagnostics copied: no API key, numbers cut to 4 digits.</source>
        <translation>जाँच की जानकारी कॉपी हो गई: इसमें API कुंजी नहीं है, नंबरों के सिर्फ़ आख़िरी 4 अंक हैं।</translation>
    </message>
</context>
<context>
    <name>MembersFlow</name>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Could not load: press ⟳ to retry</source>
        <translation>लोड नहीं हो सका: फिर से कोशिश के लिए ⟳ दबाएँ</translation>
    </message>
    <message>
        <source>Lists not loaded: {reason}</source>
        <translation>सूचियाँ लोड नहीं हुईं: {reason}</translation>
    </message>
    <message>
        <source>Balance: {coins} click-to-call coins · {obd} OBD coins</source>
        <translation>बैलेंस: {coins} क्लिक-टू-कॉल कॉइन · {obd} OBD कॉइन</translation>
    </message>
    <message>
        <source>plan ends {date}</source>
        <translation>प्लान {date} को ख़त्म</translation>
    </message>
    <message>
        <source>Balance: unavailable</source>
        <translation>बैलेंस: उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>OptOutFlow</name>
    <message>
        <source>No call to mark: F11 puts the customer of the current call on the do-not-call list.</source>
        <translation>चिह्नित करने को कोई कॉल नहीं: F11 अभी की कॉल के ग्राहक को &apos;कॉल न करें&apos; सूची में डालता है।</translation>
    </message>
    <message>
        <source>{number} is on the do-not-call list now (the customer asked not to be called): no way of calling will ring it.</source>
        <translation>{number} अब &apos;कॉल न करें&apos; सूची में है (ग्राहक ने कॉल न करने को कहा): कॉल करने का कोई भी तरीका इस पर घंटी नहीं बजाएगा।</translation>
    </message>
    <message>
        <source>Not put on the do-not-call list: {reason}</source>
        <translation>&apos;कॉल न करें&apos; सूची में नहीं डाला गया: {reason}</translation>
    </message>
</context>
<context>
    <name>PausePicker</name>
    <message>
        <source>Pause</source>
        <translation>विराम</translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation>विराम का कारण</translation>
    </message>
    <message>
        <source>Why are you pausing? No lead is given to you until you resume (F10).</source>
        <translation>आप विराम क्यों ले रहे हैं? जब तक आप फिर शुरू नहीं करते (F10), आपको कोई लीड नहीं दी जाएगी।</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>विराम (&amp;P)</translation>
    </message>
</context>
<context>
    <name>ProxyFields</name>
    <message>
        <source>Proxy</source>
        <translation>प्रॉक्सी</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>सिस्टम की सेटिंग</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>कोई प्रॉक्सी नहीं</translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation>यह प्रॉक्सी:</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>प्रॉक्सी का पता</translation>
    </message>
    <message>
        <source>proxy.example.com:3128</source>
        <translation>proxy.example.com:3128</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>प्रॉक्सी का यूज़र नेम</translation>
    </message>
    <message>
        <source>Only if the proxy asks for a login</source>
        <translation>सिर्फ़ तब, जब प्रॉक्सी लॉग इन माँगे</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>प्रॉक्सी का पासवर्ड</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>सहेजा हुआ रखने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>Pro&amp;xy</source>
        <translation>प्रॉक्सी (&amp;X)</translation>
    </message>
    <message>
        <source>Proxy addr&amp;ess</source>
        <translation>प्रॉक्सी का पता (&amp;E)</translation>
    </message>
    <message>
        <source>Proxy &amp;user</source>
        <translation>प्रॉक्सी यूज़र (&amp;U)</translation>
    </message>
    <message>
        <source>Proxy pass&amp;word</source>
        <translation>प्रॉक्सी पासवर्ड (&amp;W)</translation>
    </message>
</context>
<context>
    <name>PurposeChoice</name>
    <message>
        <source>&amp;Promotional</source>
        <translation>प्रमोशनल (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>सर्विस (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Transactional</source>
        <translation>ट्रांज़ैक्शनल (&amp;T)</translation>
    </message>
    <message>
        <source>The list&apos;s purpose:</source>
        <translation>सूची का उद्देश्य:</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>&amp;Date of the DND scrub (the file has no “Scrubbed on” column):</source>
        <translation>DND स्क्रब की तारीख़ (फ़ाइल में “Scrubbed on” कॉलम नहीं है) (&amp;D):</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <source>The purpose of {name}</source>
        <translation>{name} का उद्देश्य</translation>
    </message>
    <message>
        <source>The list&apos;s purpose</source>
        <translation>सूची का उद्देश्य</translation>
    </message>
    <message>
        <source>{name} was imported before lists had a purpose. Choose it before its first call: the rules its calls follow depend on it.</source>
        <translation>{name} तब इम्पोर्ट हुई थी जब सूचियों का कोई उद्देश्य नहीं होता था। इसकी पहली कॉल से पहले उद्देश्य चुनें: इसकी कॉल किन नियमों से चलेंगी, यह उसी पर निर्भर है।</translation>
    </message>
    <message>
        <source>Why this is asked</source>
        <translation>यह क्यों पूछा जा रहा है</translation>
    </message>
    <message>
        <source>&amp;Keep this purpose</source>
        <translation>यही उद्देश्य रखें (&amp;K)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>RecyclingTab</name>
    <message>
        <source>Recycling rules</source>
        <translation>दोबारा कॉल के नियम</translation>
    </message>
    <message>
        <source>List</source>
        <translation>सूची</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Again after (minutes)</source>
        <translation>इतने मिनट बाद फिर</translation>
    </message>
    <message>
        <source>At most (attempts)</source>
        <translation>अधिकतम (प्रयास)</translation>
    </message>
    <message>
        <source>L&amp;ist:</source>
        <translation>लीड सूची (&amp;I):</translation>
    </message>
    <message>
        <source>R&amp;esult:</source>
        <translation>नतीजा (&amp;E):</translation>
    </message>
    <message>
        <source>Again af&amp;ter (minutes):</source>
        <translation>इतने मिनट बाद फिर (&amp;T):</translation>
    </message>
    <message>
        <source>At &amp;most (attempts):</source>
        <translation>अधिकतम (प्रयास) (&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>नियम सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>नियम सहेजें</translation>
    </message>
    <message>
        <source>&amp;Delete rule</source>
        <translation>नियम हटाएँ (&amp;D)</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>नियम हटाएँ</translation>
    </message>
    <message>
        <source>Put &amp;back now…</source>
        <translation>अभी वापस डालें (&amp;B)…</translation>
    </message>
    <message>
        <source>Put back now</source>
        <translation>अभी वापस डालें</translation>
    </message>
    <message>
        <source>No lead of {list} has the result {result}.</source>
        <translation>{list} की किसी लीड का नतीजा {result} नहीं है।</translation>
    </message>
    <message>
        <source>Put leads back</source>
        <translation>लीड वापस डालें</translation>
    </message>
    <message numerus="yes">
        <source>Put back %n lead(s) of {list} with the result {result}? They are offered again now.</source>
        <translation>
            <numerusform>{list} की {result} नतीजे वाली %n लीड वापस डालें? वह अभी फिर से दी जाएगी।</numerusform>
            <numerusform>{list} की {result} नतीजे वाली %n लीड वापस डालें? वे अभी फिर से दी जाएँगी।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %n lead(s).</source>
        <translation>
            <numerusform>%n लीड वापस डाली।</numerusform>
            <numerusform>%n लीड वापस डालीं।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RescrubDialog</name>
    <message>
        <source>Import a DND scrub result</source>
        <translation>DND स्क्रब का नतीजा इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>DND scrub result preview</source>
        <translation>DND स्क्रब के नतीजे की झलक</translation>
    </message>
    <message>
        <source>What the scrub result changes</source>
        <translation>स्क्रब का नतीजा क्या बदलेगा</translation>
    </message>
    <message>
        <source>&amp;Date of the DND scrub:</source>
        <translation>DND स्क्रब की तारीख़ (&amp;D):</translation>
    </message>
    <message>
        <source>Leads now refused</source>
        <translation>अब अस्वीकार लीड</translation>
    </message>
    <message>
        <source>&amp;Apply the scrub result</source>
        <translation>स्क्रब का नतीजा लागू करें (&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Not applied: {reason}</source>
        <translation>लागू नहीं हुआ: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) of {list} are in {file}: they get its scrub result.</source>
        <translation>
            <numerusform>{list} की %n लीड {file} में है: उसे इसका स्क्रब नतीजा मिलेगा।</numerusform>
            <numerusform>{list} की %n लीड {file} में हैं: उन्हें इसका स्क्रब नतीजा मिलेगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) are now refused (below): they will not be called.</source>
        <translation>
            <numerusform>%n लीड अब अस्वीकार है (नीचे): उसे कॉल नहीं किया जाएगा।</numerusform>
            <numerusform>%n लीड अब अस्वीकार हैं (नीचे): उन्हें कॉल नहीं किया जाएगा।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) of the file are not in the list: left out.</source>
        <translation>
            <numerusform>फ़ाइल का %n नंबर सूची में नहीं है: छोड़ दिया गया।</numerusform>
            <numerusform>फ़ाइल के %n नंबर सूची में नहीं हैं: छोड़ दिए गए।</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>नंबर</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
</context>
<context>
    <name>ScrubDateField</name>
    <message>
        <source>Date of the DND scrub</source>
        <translation>DND स्क्रब की तारीख़</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>Supervisor — {where}</source>
        <translation>सुपरवाइज़र — {where}</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>सुपरवाइज़र</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>सूचियाँ (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>एजेंट (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Call-backs</source>
        <translation>कॉल-बैक (&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>चार्ट (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Recycling</source>
        <translation>दोबारा कॉल (&amp;R)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team database password</source>
        <translation>टीम डेटाबेस का पासवर्ड</translation>
    </message>
    <message>
        <source>Password (kept in the keyring, never in settings.ini):</source>
        <translation>पासवर्ड (कीरिंग में रखा जाता है, settings.ini में कभी नहीं):</translation>
    </message>
    <message>
        <source>Team database</source>
        <translation>टीम डेटाबेस</translation>
    </message>
    <message>
        <source>A libpq connection string or postgresql:// address, without a password</source>
        <translation>libpq कनेक्शन स्ट्रिंग या postgresql:// पता, बिना पासवर्ड के</translation>
    </message>
    <message>
        <source>The password comes from PGPASSWORD, ~/.pgpass or pg_service.conf, or the keyring (asked once in the window). A change is used from the next start.</source>
        <translation>पासवर्ड PGPASSWORD, ~/.pgpass या pg_service.conf से, या कीरिंग से आता है (विंडो में एक बार पूछा जाता है)। बदलाव अगली बार शुरू करने से लागू होता है।</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>कनेक्शन &amp;जाँचें</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;कनेक्शन:</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>TeamFlow</name>
    <message>
        <source>Working the team&apos;s leads as {name}.</source>
        <translation>टीम की लीड {name} के रूप में ली जा रही हैं।</translation>
    </message>
    <message>
        <source>The team database answers again: new leads are taken as before.</source>
        <translation>टीम डेटाबेस फिर से जवाब दे रहा है: नई लीड पहले की तरह ली जा रही हैं।</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) written meanwhile were sent.</source>
        <translation>
            <numerusform>इस बीच लिखा गया %n चरण भेज दिया गया।</numerusform>
            <numerusform>इस बीच लिखे गए %n चरण भेज दिए गए।</numerusform>
        </translation>
    </message>
    <message>
        <source>never reached since the dialer started</source>
        <translation>डायलर शुरू होने के बाद से कभी संपर्क नहीं हुआ</translation>
    </message>
    <message>
        <source>last contact at {time}</source>
        <translation>आख़िरी संपर्क {time} पर</translation>
    </message>
    <message>
        <source>The team database cannot be reached ({when}): the lead in hand can still be called and wrapped up, and what is written waits on this computer; no new lead is taken until it answers.</source>
        <translation>टीम डेटाबेस तक नहीं पहुँचा जा सकता ({when}): हाथ में ली गई लीड को अब भी कॉल और रैप-अप किया जा सकता है, और जो लिखा जाता है वह इस कंप्यूटर पर रुका रहता है; जवाब मिलने तक कोई नई लीड नहीं ली जाती।</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>&amp;Team</source>
        <translation>टीम (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Supervisor view</source>
        <translation>सुपरवाइज़र दृश्य (&amp;S)</translation>
    </message>
</context>
<context>
    <name>TeamSetting</name>
    <message>
        <source>The team database setting is saved: it is used from the next start.</source>
        <translation>टीम डेटाबेस की सेटिंग सहेज ली गई: यह अगली बार शुरू करने से लागू होगी।</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show the dialer</source>
        <translation>डायलर दिखाएँ</translation>
    </message>
    <message>
        <source>Place call from clipboard…</source>
        <translation>क्लिपबोर्ड के नंबर पर कॉल करें…</translation>
    </message>
    <message>
        <source>Keep running in the tray when closed</source>
        <translation>बंद करने पर ट्रे में चलता रहे</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>क्लिपबोर्ड</translation>
    </message>
    <message>
        <source>Dialer</source>
        <translation>डायलर</translation>
    </message>
    <message>
        <source>Customer waiting</source>
        <translation>ग्राहक इंतज़ार में</translation>
    </message>
    <message>
        <source>{number} answered and is waiting on the line: pick up your phone.</source>
        <translation>{number} ने उठा लिया है और लाइन पर इंतज़ार कर रहा है: अपना फ़ोन उठाएँ।</translation>
    </message>
    <message>
        <source>Customer left waiting</source>
        <translation>ग्राहक इंतज़ार करता रहा</translation>
    </message>
    <message>
        <source>{number} answered but the member did not pick up. F9 in the dialer calls again.</source>
        <translation>{number} ने उठाया पर मेंबर ने नहीं उठाया। डायलर में F9 दबाने पर फिर से कॉल होगा।</translation>
    </message>
</context>
<context>
    <name>WrapUpFlow</name>
    <message>
        <source>Wrap-up saved: {disposition}.</source>
        <translation>रैप-अप सहेजा गया: {disposition}।</translation>
    </message>
    <message>
        <source>The wrap-up was not saved: {reason}</source>
        <translation>रैप-अप सहेजा नहीं गया: {reason}</translation>
    </message>
    <message>
        <source>{number} is on the do-not-call list now: no way of calling will ring it.</source>
        <translation>{number} अब &apos;कॉल न करें&apos; सूची में है: किसी भी तरीके से इस पर कॉल नहीं होगा।</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <source>Wrap-up of the last call</source>
        <translation>पिछली कॉल का रैप-अप</translation>
    </message>
    <message>
        <source>Which call</source>
        <translation>कौन-सी कॉल</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>नोट (ज़रूरी नहीं)</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>इस समय वापस कॉल</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>बाद में वापस कॉल करें</translation>
    </message>
    <message>
        <source>Wrap-up hint</source>
        <translation>रैप-अप का संकेत</translation>
    </message>
    <message>
        <source>1-9 picks, Tab to the note, Return saves, Escape skips.</source>
        <translation>1-9 से चुनें, Tab से नोट पर जाएँ, Return सहेजे, Escape छोड़े।</translation>
    </message>
    <message>
        <source>Wrap-up: {number} ({result})</source>
        <translation>रैप-अप: {number} ({result})</translation>
    </message>
    <message>
        <source>Pick a disposition first: press its number (1-9).</source>
        <translation>पहले स्थिति चुनें: उसका नंबर दबाएँ (1-9)।</translation>
    </message>
</context>
<context>
    <name>address</name>
    <message>
        <source>Enter the API address, e.g. {example}</source>
        <translation>API पता डालें, जैसे {example}</translation>
    </message>
    <message>
        <source>The API address must not contain a query, a fragment or a login.</source>
        <translation>API पते में query, fragment या लॉग इन नहीं होना चाहिए।</translation>
    </message>
    <message>
        <source>The API address must start with https:// (plain http is only for this computer&apos;s own loopback addresses, such as 127.0.0.1).</source>
        <translation>API पता https:// से शुरू होना चाहिए (सादा http सिर्फ़ इसी कंप्यूटर के loopback पतों के लिए है, जैसे 127.0.0.1)।</translation>
    </message>
    <message>
        <source>The API address must start with https://</source>
        <translation>API पता https:// से शुरू होना चाहिए</translation>
    </message>
    <message>
        <source>The API address {address} from {source} is refused: {reason}</source>
        <translation>{source} से आया API पता {address} नहीं लिया गया: {reason}</translation>
    </message>
</context>
<context>
    <name>compliance</name>
    <message>
        <source>Promotional calls must come from a 140-series number (TRAI, TCCCPR amendment of February 2025), and the deskphone {deskphone} is not one. Choose a 140-series deskphone to call within the rule.</source>
        <translation>प्रमोशनल कॉल 140-सीरीज़ नंबर से ही होनी चाहिए (TRAI, फ़रवरी 2025 का TCCCPR संशोधन), और डेस्कफ़ोन {deskphone} ऐसा नंबर नहीं है। नियम के अनुसार कॉल करने के लिए 140-सीरीज़ का डेस्कफ़ोन चुनें।</translation>
    </message>
    <message>
        <source>Service and transactional calls of a regulated firm (compliance/regulated in settings.ini) must come from a 1600-series number (TRAI, TCCCPR amendment of February 2025), and the deskphone {deskphone} is not one. Choose a 1600-series deskphone to call within the rule.</source>
        <translation>विनियमित कंपनी (settings.ini में compliance/regulated) की सर्विस और ट्रांज़ैक्शनल कॉल 1600-सीरीज़ नंबर से ही होनी चाहिए (TRAI, फ़रवरी 2025 का TCCCPR संशोधन), और डेस्कफ़ोन {deskphone} ऐसा नंबर नहीं है। नियम के अनुसार कॉल करने के लिए 1600-सीरीज़ का डेस्कफ़ोन चुनें।</translation>
    </message>
    <message>
        <source>Not called: the deskphone {deskphone} is not of the series this list&apos;s calls must come from. Choose a deskphone of the right series, or answer “Call anyway”.</source>
        <translation>कॉल नहीं किया: डेस्कफ़ोन {deskphone} उस सीरीज़ का नहीं है जिससे इस सूची की कॉल होनी चाहिए। सही सीरीज़ का डेस्कफ़ोन चुनें, या “फिर भी कॉल करें” चुनें।</translation>
    </message>
    <message>
        <source>Not called: promotional calls are allowed only from {opens} to {closes} India time (TCCCPR 2018; {key} in settings.ini may narrow it). Calling opens at {opening} today.</source>
        <translation>कॉल नहीं किया: प्रमोशनल कॉल भारतीय समय के अनुसार केवल {opens} से {closes} तक की जा सकती है (TCCCPR 2018; settings.ini में {key} इसे छोटा कर सकता है)। आज {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: promotional calls are allowed only from {opens} to {closes} India time (TCCCPR 2018; {key} in settings.ini may narrow it). Calling opens at {opening} tomorrow.</source>
        <translation>कॉल नहीं किया: प्रमोशनल कॉल भारतीय समय के अनुसार केवल {opens} से {closes} तक की जा सकती है (TCCCPR 2018; settings.ini में {key} इसे छोटा कर सकता है)। कल {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: service calls are allowed from {opens} to {closes} India time ({key} in settings.ini). Calling opens at {opening} today.</source>
        <translation>कॉल नहीं किया: सर्विस कॉल भारतीय समय के अनुसार {opens} से {closes} तक की जा सकती है (settings.ini में {key})। आज {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: service calls are allowed from {opens} to {closes} India time ({key} in settings.ini). Calling opens at {opening} tomorrow.</source>
        <translation>कॉल नहीं किया: सर्विस कॉल भारतीय समय के अनुसार {opens} से {closes} तक की जा सकती है (settings.ini में {key})। कल {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: transactional calls are allowed from {opens} to {closes} India time ({key} in settings.ini). Calling opens at {opening} today.</source>
        <translation>कॉल नहीं किया: ट्रांज़ैक्शनल कॉल भारतीय समय के अनुसार {opens} से {closes} तक की जा सकती है (settings.ini में {key})। आज {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: transactional calls are allowed from {opens} to {closes} India time ({key} in settings.ini). Calling opens at {opening} tomorrow.</source>
        <translation>कॉल नहीं किया: ट्रांज़ैक्शनल कॉल भारतीय समय के अनुसार {opens} से {closes} तक की जा सकती है (settings.ini में {key})। कल {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>The calling hours {value} ({key} in settings.ini) are not inside 09:00-21:00 India time, so promotional calls are allowed from 09:00 to 21:00 (TCCCPR 2018).</source>
        <translation>कॉल का समय {value} (settings.ini में {key}) भारतीय समय के अनुसार 09:00-21:00 के भीतर नहीं है, इसलिए प्रमोशनल कॉल 09:00 से 21:00 तक ही की जा सकती है (TCCCPR 2018)।</translation>
    </message>
    <message>
        <source>The calling hours {value} ({key} in settings.ini) cannot be read (write them like {example}, or always), so these calls are allowed from {example} India time.</source>
        <translation>कॉल का समय {value} (settings.ini में {key}) पढ़ा नहीं जा सका ({example} या always की तरह लिखें), इसलिए ये कॉल भारतीय समय के अनुसार {example} के बीच की जा सकती हैं।</translation>
    </message>
    <message>
        <source>Customer asked not to be called</source>
        <translation>ग्राहक ने कॉल न करने को कहा</translation>
    </message>
    <message>
        <source>Do not call, chosen in the wrap-up</source>
        <translation>रैप-अप में &apos;कॉल न करें&apos; चुना गया</translation>
    </message>
    <message>
        <source>Not called: {number} is on the do-not-call list since {day} ({why}). A customer who asked not to be called is not called again (TCCCPR 2018); only taking the number off the list, with the customer&apos;s new consent, allows a call.</source>
        <translation>कॉल नहीं किया: {number} {day} से &apos;कॉल न करें&apos; सूची में है ({why})। जिस ग्राहक ने कॉल न करने को कहा, उसे फिर कॉल नहीं किया जाता (TCCCPR 2018); ग्राहक की नई सहमति के साथ नंबर को सूची से हटाने पर ही कॉल हो सकती है।</translation>
    </message>
    <message>
        <source>Promotional</source>
        <translation>प्रमोशनल</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सर्विस</translation>
    </message>
    <message>
        <source>Transactional</source>
        <translation>ट्रांज़ैक्शनल</translation>
    </message>
    <message>
        <source>Offers and sales: each lead needs a DND scrub result or the customer&apos;s consent; calls only from 09:00 to 21:00 India time, from a 140-series number.</source>
        <translation>ऑफ़र और बिक्री: हर लीड के लिए DND स्क्रब का नतीजा या ग्राहक की सहमति चाहिए; कॉल केवल भारतीय समय के अनुसार 09:00 से 21:00 तक, 140-सीरीज़ नंबर से।</translation>
    </message>
    <message>
        <source>About a product or service the customer already has (renewals, updates): no scrub needed; regulated firms call from a 1600-series number.</source>
        <translation>ग्राहक के पास पहले से मौजूद प्रोडक्ट या सर्विस के बारे में (रिन्यूअल, अपडेट): स्क्रब की ज़रूरत नहीं; विनियमित कंपनियाँ 1600-सीरीज़ नंबर से कॉल करती हैं।</translation>
    </message>
    <message>
        <source>About a transaction the customer made (an order, a payment, an OTP): no scrub needed; regulated firms call from a 1600-series number.</source>
        <translation>ग्राहक के किए लेन-देन के बारे में (ऑर्डर, भुगतान, OTP): स्क्रब की ज़रूरत नहीं; विनियमित कंपनियाँ 1600-सीरीज़ नंबर से कॉल करती हैं।</translation>
    </message>
    <message>
        <source>Choose the list&apos;s purpose (promotional, service or transactional): the rules its calls follow depend on it.</source>
        <translation>सूची का उद्देश्य चुनें (प्रमोशनल, सर्विस या ट्रांज़ैक्शनल): इसकी कॉल पर कौन से नियम लागू होंगे, यह इसी पर निर्भर है।</translation>
    </message>
    <message>
        <source>“{text}” is not a purpose: write promotional, service or transactional.</source>
        <translation>“{text}” कोई उद्देश्य नहीं है: promotional, service या transactional लिखें।</translation>
    </message>
    <message>
        <source>A promotional list needs a DND scrub column or a consent column (TCCCPR 2018): add “DND” (Y or N, from your operator&apos;s scrub) with “Scrubbed on”, or “Consent source” with “Consent date”, then import it again. Columns found: {columns}.</source>
        <translation>प्रमोशनल सूची में DND स्क्रब का कॉलम या सहमति का कॉलम होना चाहिए (TCCCPR 2018): “DND” (आपके ऑपरेटर के स्क्रब से Y या N) के साथ “Scrubbed on” जोड़ें, या “Consent source” के साथ “Consent date”, फिर से इम्पोर्ट करें। मिले कॉलम: {columns}।</translation>
    </message>
    <message>
        <source>A promotional list with a DND column needs the date of the scrub: add a “Scrubbed on” column, or enter the date of the scrub in the preview.</source>
        <translation>DND कॉलम वाली प्रमोशनल सूची के लिए स्क्रब की तारीख चाहिए: “Scrubbed on” कॉलम जोड़ें, या प्रीव्यू में स्क्रब की तारीख डालें।</translation>
    </message>
    <message>
        <source>Registered on NCPR (DND) and no consent: not imported (TCCCPR 2018). A promotional call to this number needs the customer&apos;s consent, recorded with its source.</source>
        <translation>NCPR (DND) में दर्ज है और सहमति नहीं है: इम्पोर्ट नहीं किया (TCCCPR 2018)। इस नंबर पर प्रमोशनल कॉल के लिए ग्राहक की सहमति चाहिए, उसके स्रोत के साथ दर्ज।</translation>
    </message>
    <message>
        <source>No DND scrub result and no consent: not imported (TCCCPR 2018). Add the number&apos;s scrub result (Y or N in the DND column) or the source of the customer&apos;s consent.</source>
        <translation>न DND स्क्रब का नतीजा है, न सहमति: इम्पोर्ट नहीं किया (TCCCPR 2018)। नंबर का स्क्रब नतीजा (DND कॉलम में Y या N) या ग्राहक की सहमति का स्रोत जोड़ें।</translation>
    </message>
    <message>
        <source>The DND column holds “{value}”, which is not a scrub result: not imported (TCCCPR 2018). Write Y or N (DND or Non-DND, registered or not registered).</source>
        <translation>DND कॉलम में “{value}” लिखा है, जो स्क्रब का नतीजा नहीं है: इम्पोर्ट नहीं किया (TCCCPR 2018)। Y या N लिखें (DND या Non-DND, registered या not registered)।</translation>
    </message>
    <message>
        <source>This file has no DND column, so it is not a scrub result: the first row must name one (“DND”, “NCPR” or “DND status”). Columns found: {columns}.</source>
        <translation>इस फ़ाइल में DND कॉलम नहीं है, इसलिए यह स्क्रब का नतीजा नहीं है: पहली पंक्ति में ऐसा कॉलम होना चाहिए (“DND”, “NCPR” या “DND status”)। मिले कॉलम: {columns}।</translation>
    </message>
    <message>
        <source>This scrub result has no “Scrubbed on” column: enter the date of the scrub.</source>
        <translation>इस स्क्रब नतीजे में “Scrubbed on” कॉलम नहीं है: स्क्रब की तारीख डालें।</translation>
    </message>
</context>
<context>
    <name>hours</name>
    <message>
        <source>Not called: calls are allowed from {opens} to {closes} India time (TRAI rules). Calling opens at {opening} today.</source>
        <translation>कॉल नहीं किया: भारतीय समय के अनुसार {opens} से {closes} तक ही कॉल की जा सकती है (TRAI के नियम)। आज {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>Not called: calls are allowed from {opens} to {closes} India time (TRAI rules). Calling opens at {opening} tomorrow.</source>
        <translation>कॉल नहीं किया: भारतीय समय के अनुसार {opens} से {closes} तक ही कॉल की जा सकती है (TRAI के नियम)। कल {opening} बजे से कॉल कर सकेंगे।</translation>
    </message>
    <message>
        <source>The calling hours {value} in settings.ini cannot be read (write them like {example}, or {always}), so calls are allowed from {example} India time.</source>
        <translation>settings.ini में कॉल का समय {value} पढ़ा नहीं जा सका ({example} या {always} की तरह लिखें), इसलिए भारतीय समय के अनुसार {example} के बीच कॉल की जा सकती है।</translation>
    </message>
</context>
<context>
    <name>leads</name>
    <message>
        <source>No number in this row.</source>
        <translation>इस पंक्ति में कोई नंबर नहीं है।</translation>
    </message>
    <message>
        <source>{number}: the spreadsheet turned this phone number into scientific notation and its last digits are gone. Format the column as Text in the original file and save it again.</source>
        <translation>{number}: स्प्रेडशीट ने इस फ़ोन नंबर को वैज्ञानिक संकेतन (scientific notation) में बदल दिया और इसके आख़िरी अंक खो गए हैं। मूल फ़ाइल में कॉलम को Text के रूप में फ़ॉर्मैट करें और उसे फिर से सेव करें।</translation>
    </message>
    <message>
        <source>Same number as row {row}: not imported again.</source>
        <translation>पंक्ति {row} वाला ही नंबर: दोबारा इम्पोर्ट नहीं किया गया।</translation>
    </message>
    <message>
        <source>Same number as row {row} ({name}): not imported again.</source>
        <translation>पंक्ति {row} ({name}) वाला ही नंबर: दोबारा इम्पोर्ट नहीं किया गया।</translation>
    </message>
    <message>
        <source>{number} is on the do-not-call list.</source>
        <translation>{number} &apos;कॉल न करें&apos; सूची में है।</translation>
    </message>
    <message>
        <source>No column of phone numbers was found: the first row must name one (“Number”, “Phone” or “Mobile”). Columns found: {columns}.</source>
        <translation>फ़ोन नंबर का कोई कॉलम नहीं मिला: पहली पंक्ति में किसी कॉलम का नाम “Number”, “Phone” या “Mobile” होना चाहिए। मिले कॉलम: {columns}।</translation>
    </message>
    <message>
        <source>{file} is empty: there are no leads in it.</source>
        <translation>{file} खाली है: इसमें कोई लीड नहीं है।</translation>
    </message>
    <message>
        <source>{file} is not a table the dialer can read: save it as CSV or Excel (.xlsx).</source>
        <translation>{file} ऐसी टेबल नहीं है जिसे डायलर पढ़ सके: इसे CSV या Excel (.xlsx) में सहेजें।</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text: in Excel save it as “CSV UTF-8” or “Unicode Text”.</source>
        <translation>{file} UTF-8 या UTF-16 टेक्स्ट नहीं है: Excel में इसे “CSV UTF-8” या “Unicode Text” के रूप में सहेजें।</translation>
    </message>
    <message>
        <source>{file} could not be read as an Excel workbook ({reason}): it may be damaged.</source>
        <translation>{file} को Excel वर्कबुक के रूप में पढ़ा नहीं जा सका ({reason}): हो सकता है फ़ाइल ख़राब हो।</translation>
    </message>
    <message>
        <source>{file} could not be opened ({reason}).</source>
        <translation>{file} खुल नहीं सकी ({reason})।</translation>
    </message>
    <message>
        <source>Call back at {time}</source>
        <translation>{time} बजे वापस कॉल</translation>
    </message>
    <message>
        <source>Called (outcome unknown)</source>
        <translation>कॉल किया (नतीजा पता नहीं)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>नई</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>कॉल हो रहा है…</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>कॉल किया</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>बात हुई</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>वापस कॉल</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>कॉल न करें</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>छोड़ दी</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>नहीं ली गई</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>नंबर</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्टेटस</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>कोशिशें</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Check the API key in Settings.</source>
        <translation>सेटिंग में API कुंजी जाँचें।</translation>
    </message>
    <message>
        <source>Pick another member, or ask them to go active.</source>
        <translation>दूसरा मेंबर चुनें, या उनसे सक्रिय होने को कहें।</translation>
    </message>
    <message>
        <source>Pick another member.</source>
        <translation>दूसरा मेंबर चुनें।</translation>
    </message>
    <message>
        <source>Contact your CallerDesk administrator.</source>
        <translation>अपने CallerDesk एडमिन से बात करें।</translation>
    </message>
    <message>
        <source>Pick another deskphone, or refresh the list.</source>
        <translation>दूसरा डेस्कफ़ोन चुनें, या सूची फिर से लोड करें।</translation>
    </message>
    <message>
        <source>Ringing customer {who}… (campaign {campid})</source>
        <translation>ग्राहक {who} का फ़ोन बज रहा है… (कैंपेन {campid})</translation>
    </message>
    <message>
        <source>Ringing customer {who}…</source>
        <translation>ग्राहक {who} का फ़ोन बज रहा है…</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>मना हुई: {message}</translation>
    </message>
    <message>
        <source>Not sent: {message}. It is safe to try again.</source>
        <translation>नहीं भेजी: {message}। फिर से कोशिश करना सुरक्षित है।</translation>
    </message>
    <message>
        <source>The call to {who} may be ringing: {message} Check before calling again.</source>
        <translation>{who} का फ़ोन शायद बज रहा है: {message} फिर से कॉल करने से पहले जाँचें।</translation>
    </message>
    <message>
        <source>Calling {who}…</source>
        <translation>{who} को कॉल हो रहा है…</translation>
    </message>
    <message>
        <source>The service refused: {message}</source>
        <translation>सेवा ने मना किया: {message}</translation>
    </message>
    <message>
        <source>Could not reach the service: {reason}.</source>
        <translation>सेवा तक नहीं पहुँच सके: {reason}।</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Details are in the log.</source>
        <translation>कुछ गड़बड़ हुई ({kind})। पूरी जानकारी लॉग में है।</translation>
    </message>
</context>
<context>
    <name>pause</name>
    <message>
        <source>&amp;Resume</source>
        <translation>फिर शुरू करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause…</source>
        <translation>विराम… (&amp;P)</translation>
    </message>
    <message>
        <source>Ready: leads are given to you again.</source>
        <translation>तैयार: आपको फिर से लीड दी जाएँगी।</translation>
    </message>
    <message>
        <source>Paused: F10 resumes</source>
        <translation>विराम: F10 से फिर शुरू करें</translation>
    </message>
</context>
<context>
    <name>phone</name>
    <message>
        <source>Enter the customer&apos;s number.</source>
        <translation>ग्राहक का नंबर डालें।</translation>
    </message>
    <message>
        <source>This text holds {count} numbers: pick the one to call.</source>
        <translation>इस टेक्स्ट में {count} नंबर हैं: जिसे कॉल करना है वह चुनें।</translation>
    </message>
    <message>
        <source>Extensions can&apos;t be dialled: enter the number only.</source>
        <translation>एक्सटेंशन डायल नहीं हो सकता: सिर्फ़ नंबर डालें।</translation>
    </message>
    <message>
        <source>The link holds “{part}”, which can&apos;t be dialled: enter the number only.</source>
        <translation>लिंक में “{part}” है, जो डायल नहीं हो सकता: सिर्फ़ नंबर डालें।</translation>
    </message>
    <message>
        <source>The number has characters that are not digits.</source>
        <translation>नंबर में ऐसे अक्षर हैं जो अंक नहीं हैं।</translation>
    </message>
    <message>
        <source>That is not a phone number.</source>
        <translation>यह फ़ोन नंबर नहीं है।</translation>
    </message>
    <message>
        <source>{number} is a foreign number (+{code}), not an Indian one: only +91 numbers can be dialled.</source>
        <translation>{number} विदेशी नंबर है (+{code}), भारतीय नहीं: सिर्फ़ +91 वाले नंबर डायल हो सकते हैं।</translation>
    </message>
    <message>
        <source>Too short: the number has {digits} digits; an Indian number has 10 (after +91 or a 0).</source>
        <translation>बहुत छोटा: नंबर में {digits} अंक हैं; भारतीय नंबर में 10 होते हैं (+91 या 0 के बाद)।</translation>
    </message>
    <message>
        <source>Too long: the number has {digits} digits; an Indian number has 10 (after +91 or a 0). It is never shortened.</source>
        <translation>बहुत लंबा: नंबर में {digits} अंक हैं; भारतीय नंबर में 10 होते हैं (+91 या 0 के बाद)। इसे कभी छोटा नहीं किया जाता।</translation>
    </message>
    <message>
        <source>{number} is not a valid Indian number.</source>
        <translation>{number} सही भारतीय नंबर नहीं है।</translation>
    </message>
    <message>
        <source>{number} is a placeholder (a test number such as 1234567890 or 9999999999), not a customer&apos;s number.</source>
        <translation>{number} एक नमूना नंबर है (जैसे 1234567890 या 9999999999), किसी ग्राहक का नंबर नहीं।</translation>
    </message>
    <message>
        <source>{number} is a toll-free number: only mobiles and landlines can be called.</source>
        <translation>{number} टोल-फ़्री नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a premium-rate number: only mobiles and landlines can be called.</source>
        <translation>{number} प्रीमियम-रेट नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a shared-cost number: only mobiles and landlines can be called.</source>
        <translation>{number} शेयर्ड-कॉस्ट नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is an internet (VoIP) number: only mobiles and landlines can be called.</source>
        <translation>{number} इंटरनेट (VoIP) नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a personal number: only mobiles and landlines can be called.</source>
        <translation>{number} पर्सनल नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a pager number: only mobiles and landlines can be called.</source>
        <translation>{number} पेजर नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a company (UAN) number: only mobiles and landlines can be called.</source>
        <translation>{number} कंपनी (UAN) नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
    <message>
        <source>{number} is a voicemail number: only mobiles and landlines can be called.</source>
        <translation>{number} वॉइसमेल नंबर है: सिर्फ़ मोबाइल और लैंडलाइन पर कॉल हो सकता है।</translation>
    </message>
</context>
<context>
    <name>proxy</name>
    <message>
        <source>Enter the proxy&apos;s address, e.g. {example}</source>
        <translation>प्रॉक्सी का पता डालें, जैसे {example}</translation>
    </message>
    <message>
        <source>Only HTTP proxies are supported (http:// or https://).</source>
        <translation>सिर्फ़ HTTP प्रॉक्सी चलती हैं (http:// या https://)।</translation>
    </message>
    <message>
        <source>The proxy&apos;s port is not a number between 1 and 65535.</source>
        <translation>प्रॉक्सी का पोर्ट 1 से 65535 के बीच का नंबर नहीं है।</translation>
    </message>
    <message>
        <source>Give the proxy&apos;s host and port, e.g. {example}</source>
        <translation>प्रॉक्सी का होस्ट और पोर्ट दें, जैसे {example}</translation>
    </message>
    <message>
        <source>Put the proxy&apos;s user name in its own field, not in the address.</source>
        <translation>प्रॉक्सी का यूज़र नेम उसके अपने खाने में डालें, पते में नहीं।</translation>
    </message>
    <message>
        <source>A proxy address is a host and a port, without a path.</source>
        <translation>प्रॉक्सी का पता एक होस्ट और पोर्ट होता है, बिना path के।</translation>
    </message>
    <message>
        <source>The system&apos;s proxy {proxy} is not an HTTP proxy ({scheme}://): choose a proxy in Dialer → Account…</source>
        <translation>सिस्टम की प्रॉक्सी {proxy} HTTP प्रॉक्सी नहीं है ({scheme}://): डायलर → खाता… में प्रॉक्सी चुनें</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Another dialer is running for this data directory but does not answer. Close it (or end its process), then start the dialer again.</source>
        <translation>इस डेटा फ़ोल्डर के लिए एक और डायलर चल रहा है पर जवाब नहीं दे रहा। उसे बंद करें (या उसकी प्रोसेस ख़त्म करें), फिर डायलर दोबारा शुरू करें।</translation>
    </message>
    <message>
        <source>The call history at {path} could not be read, and it cannot be set aside ({reason}): calls are disabled until it can be. Members and balance still load.</source>
        <translation>{path} पर कॉल इतिहास पढ़ा नहीं जा सका, और उसे अलग भी नहीं रखा जा सकता ({reason}): जब तक ऐसा न हो, कॉल बंद हैं। मेंबर और बैलेंस फिर भी लोड होंगे।</translation>
    </message>
    <message>
        <source>The disk holding the call history at {path} is full: no call can be recorded, so none will be sent until there is space. Members and balance still load.</source>
        <translation>{path} पर कॉल इतिहास वाली डिस्क भर गई है: कोई कॉल दर्ज नहीं हो सकती, इसलिए जगह होने तक कोई कॉल नहीं भेजी जाएगी। मेंबर और बैलेंस फिर भी लोड होंगे।</translation>
    </message>
    <message>
        <source>The call history at {path} can be read but not written ({reason}): earlier calls are shown, but no call can be placed until it can be written. Members and balance still load.</source>
        <translation>{path} पर कॉल इतिहास पढ़ा जा सकता है पर लिखा नहीं जा सकता ({reason}): पहले की कॉल दिखती हैं, पर लिखने लायक होने तक कोई कॉल नहीं लगेगी। मेंबर और बैलेंस फिर भी लोड होंगे।</translation>
    </message>
    <message>
        <source>The call-down lists at {path} cannot be opened ({reason}): lists imported now last for this session only.</source>
        <translation>{path} पर कॉल की सूचियाँ खुल नहीं सकीं ({reason}): अभी इम्पोर्ट की गई सूचियाँ सिर्फ़ इस बार के लिए रहेंगी।</translation>
    </message>
    <message>
        <source>The call history at {path} cannot be opened ({reason}): calls are disabled until it can be written. Members and balance still load.</source>
        <translation>{path} पर कॉल इतिहास खुल नहीं सका ({reason}): लिखने लायक होने तक कॉल बंद हैं। मेंबर और बैलेंस फिर भी लोड होंगे।</translation>
    </message>
    <message>
        <source>The dialer cannot start</source>
        <translation>डायलर शुरू नहीं हो सकता</translation>
    </message>
</context>
<context>
    <name>supervisor</name>
    <message>
        <source>The supervisor&apos;s window needs a team database: --team-database URL, DIALER_TEAM_DATABASE or team/database in settings.ini.</source>
        <translation>सुपरवाइज़र की विंडो को टीम डेटाबेस चाहिए: --team-database URL, DIALER_TEAM_DATABASE या settings.ini में team/database।</translation>
    </message>
    <message>
        <source>{user} may not open the supervisor&apos;s window: an administrator grants it with GRANT dialer_supervisor TO {user};</source>
        <translation>{user} सुपरवाइज़र की विंडो नहीं खोल सकते: व्यवस्थापक GRANT dialer_supervisor TO {user}; से यह अनुमति देते हैं</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>बात हुई</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>जवाब नहीं</translation>
    </message>
    <message>
        <source>Left waiting</source>
        <translation>इंतज़ार में छोड़े</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>पता नहीं</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>प्रति घंटे कॉल</translation>
    </message>
    <message>
        <source>Connect rate per agent (%)</source>
        <translation>एजेंट के अनुसार कनेक्ट दर (%)</translation>
    </message>
    <message>
        <source>Connect rate (%)</source>
        <translation>कनेक्ट दर (%)</translation>
    </message>
    <message>
        <source>Talk time per agent (minutes)</source>
        <translation>एजेंट के अनुसार बातचीत का समय (मिनट)</translation>
    </message>
    <message>
        <source>Talk time (minutes)</source>
        <translation>बातचीत का समय (मिनट)</translation>
    </message>
    <message>
        <source>Leads reached over the day</source>
        <translation>दिन भर में पहुँची लीड</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>घंटा</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>कॉल</translation>
    </message>
    <message>
        <source>Connect rate</source>
        <translation>कनेक्ट दर</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>बातचीत का समय</translation>
    </message>
    <message>
        <source>List</source>
        <translation>सूची</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>कॉल पर</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>रैप-अप</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>विराम पर</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>Paused: {reason}</source>
        <translation>विराम पर: {reason}</translation>
    </message>
    <message>
        <source>{time} (over {minutes} min)</source>
        <translation>{time} ({minutes} मिनट से ज़्यादा)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>For</source>
        <translation>कब से</translation>
    </message>
    <message>
        <source>Current call</source>
        <translation>मौजूदा कॉल</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>आज की कॉल</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>आख़िरी कॉल</translation>
    </message>
    <message>
        <source>Promotional</source>
        <translation>प्रचार</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Transactional</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>प्रगति</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरी</translation>
    </message>
    <message>
        <source>Call-backs due</source>
        <translation>बकाया कॉल-बैक</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>देर हो चुकी</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>कॉल न करें</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>नहीं ली गई</translation>
    </message>
    <message>
        <source>Left to call</source>
        <translation>कॉल करना बाकी</translation>
    </message>
    <message>
        <source>Retries waiting</source>
        <translation>दोबारा कॉल बाकी</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>प्राथमिकता</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>चालू</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>बकाया</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>किसका</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>नंबर</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>एजेंट</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>सूचियाँ</translation>
    </message>
    <message>
        <source>Call-backs</source>
        <translation>कॉल-बैक</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>The team database setting holds a password: remove it. The password belongs in the keyring (Dialer → Team…) or in PGPASSWORD / .pgpass, never in settings.ini.</source>
        <translation>टीम डेटाबेस की सेटिंग में पासवर्ड लिखा है: उसे हटाइए। पासवर्ड कीरिंग (डायलर → टीम…) या PGPASSWORD / .pgpass में रखा जाता है, settings.ini में कभी नहीं।</translation>
    </message>
    <message>
        <source>The team database at {host} would be reached without verifying its certificate (sslmode={mode}): only verify-full is used for a database that is not on this computer.</source>
        <translation>{host} पर टीम डेटाबेस से उसका प्रमाणपत्र जाँचे बिना जुड़ना पड़ता (sslmode={mode}): जो डेटाबेस इस कंप्यूटर पर नहीं है, उसके लिए केवल verify-full इस्तेमाल होता है।</translation>
    </message>
    <message>
        <source>The team database setting is not a connection string (host=… dbname=…) or a postgresql:// address: {reason}</source>
        <translation>टीम डेटाबेस की सेटिंग कनेक्शन स्ट्रिंग (host=… dbname=…) या postgresql:// पता नहीं है: {reason}</translation>
    </message>
    <message>
        <source>The team database cannot be reached at {where}: {reason}</source>
        <translation>{where} पर टीम डेटाबेस तक नहीं पहुँचा जा सका: {reason}</translation>
    </message>
    <message>
        <source>The team database at {where} refused the password for {user}: check it in Dialer → Team… (or the PGPASSWORD / .pgpass the computer provides).</source>
        <translation>{where} पर टीम डेटाबेस ने {user} का पासवर्ड नहीं माना: इसे डायलर → टीम… में जाँचिए (या कंप्यूटर का PGPASSWORD / .pgpass)।</translation>
    </message>
    <message>
        <source>The team database at {where} asks for a password for {user}, and none is stored.</source>
        <translation>{where} पर टीम डेटाबेस {user} का पासवर्ड माँगता है, और कोई पासवर्ड रखा नहीं गया है।</translation>
    </message>
    <message>
        <source>The team database at {where} did not prove who it is (its certificate does not verify: {reason}); nothing was sent.</source>
        <translation>{where} पर टीम डेटाबेस अपनी पहचान साबित नहीं कर सका (उसका प्रमाणपत्र सत्यापित नहीं होता: {reason}); कुछ भी नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>The team database at {where} does not let {user} in: {reason}</source>
        <translation>{where} पर टीम डेटाबेस {user} को अंदर नहीं आने देता: {reason}</translation>
    </message>
    <message>
        <source>The team database at {where} is not set up for the dialer: an administrator runs dialer-app --team-database … --team-setup once.</source>
        <translation>{where} पर टीम डेटाबेस डायलर के लिए तैयार नहीं है: व्यवस्थापक एक बार dialer-app --team-database … --team-setup चलाएँ।</translation>
    </message>
    <message>
        <source>The team database uses schema version {found}, newer than this dialer knows ({known}): update the dialer. Until then this desk works on its own lists.</source>
        <translation>टीम डेटाबेस स्कीमा संस्करण {found} इस्तेमाल करता है, जो इस डायलर के जाने हुए ({known}) से नया है: डायलर अपडेट कीजिए। तब तक यह डेस्क अपनी सूचियों पर काम करता है।</translation>
    </message>
    <message>
        <source>The team database does not allow {user} to {action}: a supervisor can.</source>
        <translation>टीम डेटाबेस {user} को {action} की अनुमति नहीं देता: सुपरवाइज़र कर सकते हैं।</translation>
    </message>
    <message>
        <source>Another agent is working on this lead.</source>
        <translation>इस लीड पर कोई दूसरा एजेंट काम कर रहा है।</translation>
    </message>
    <message>
        <source>The team database failed: {reason}</source>
        <translation>टीम डेटाबेस विफल रहा: {reason}</translation>
    </message>
    <message>
        <source>Connected to the team database at {where} as {user}: schema version {version} (this dialer knows {known}); lead lists: {lists}.</source>
        <translation>{where} पर टीम डेटाबेस से {user} के रूप में जुड़ गए: स्कीमा संस्करण {version} (यह डायलर {known} तक जानता है); लीड सूचियाँ: {lists}।</translation>
    </message>
</context>
</TS>
